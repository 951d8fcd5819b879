import type { ClusterIssuerRef } from "@k8s-ops/core";
import { appOf, helmValues, optionMessage, SCHEMAS_DIR, schemaPresent, valuesErrors } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { cloudnativePg } from "./index.js";
import { certs, secrets } from "./test-support.js";

const message = optionMessage("cloudnative-pg");
const OPERATOR_SCHEMA = `${SCHEMAS_DIR}/values/cloudnative-pg/values.schema.json`;
const PLUGIN_SCHEMA = `${SCHEMAS_DIR}/values/plugin-barman-cloud/values.schema.json`;

describe("cloudnativePg errors", () => {
  it("rejects zero replicas", () => {
    expect(() => cloudnativePg({ certManager: certs, replicas: 0 })).toThrow(
      message("replicas", "the operator needs at least one replica", "an integer ≥ 1", "0"),
    );
  });

  it("rejects a namespace that is not a label", () => {
    expect(() => cloudnativePg({ certManager: certs, namespace: "CNPG" })).toThrow(
      message(
        "namespace",
        "not a valid namespace name",
        "a lowercase RFC 1123 label such as cnpg-system",
        '"CNPG"',
      ),
    );
  });

  it("rejects a component that does not install cert-manager", () => {
    // GIVEN the secrets component where cert-manager belongs WHEN built THEN the error names its apps
    expect(() => cloudnativePg({ certManager: secrets })).toThrow(
      message(
        "certManager",
        "no app of this component installs the cert-manager CRDs the barman-cloud plugin needs",
        'the cert-manager component (an app with crds: ["cert-manager.io/*"])',
        "apps external-secrets, onepassword-connect, onepassword-connect-store",
      ),
    );
  });

  it("rejects bad option types at compile time", () => {
    const issuer: ClusterIssuerRef = {
      type: "ClusterIssuer",
      name: "letsencrypt-production",
      provider: { name: "cert-manager-issuers", namespace: "cert-manager" },
    };
    // @ts-expect-error cert-manager is required
    expect(() => cloudnativePg({})).toThrow();
    // @ts-expect-error an issuer reference is not the cert-manager component
    expect(() => cloudnativePg({ certManager: issuer })).toThrow();
    // @ts-expect-error replicas are a number
    expect(() => cloudnativePg({ certManager: certs, replicas: "2" })).toThrow();
    // @ts-expect-error unknown option
    cloudnativePg({ certManager: certs, plugin: false });
  });
});

describe.skipIf(!schemaPresent(OPERATOR_SCHEMA))("cloudnative-pg chart values", () => {
  it("match the operator chart's values.schema.json", () => {
    // GIVEN the operator values, default and with every option WHEN validated THEN the chart schema accepts them
    for (const options of [{}, { replicas: 2, podMonitor: true }]) {
      const values = helmValues(appOf(cloudnativePg({ certManager: certs, ...options }), "cloudnative-pg"));
      expect(valuesErrors(OPERATOR_SCHEMA, values)).toEqual([]);
    }
  });
});

describe.skipIf(!schemaPresent(PLUGIN_SCHEMA))("plugin-barman-cloud chart values", () => {
  it("match the plugin chart's values.schema.json", () => {
    // GIVEN the plugin values WHEN validated THEN the chart schema accepts them
    const values = helmValues(appOf(cloudnativePg({ certManager: certs }), "plugin-barman-cloud"));
    expect(valuesErrors(PLUGIN_SCHEMA, values)).toEqual([]);
  });
});
