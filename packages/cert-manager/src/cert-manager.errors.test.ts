import type { ClusterIssuerRef } from "@k8s-ops/core";
import { appOf, helmValues, SCHEMAS_DIR, schemaPresent, valuesErrors } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { certManager } from "./index.js";
import { base } from "./test-support.js";

const VALUES_SCHEMA = `${SCHEMAS_DIR}/values/cert-manager/values.schema.json`;

describe("certManager errors", () => {
  it("rejects an invalid email", () => {
    expect(() => certManager({ ...base, email: "admin" })).toThrow(
      'OPTION cert-manager: email: not an email address\n  expected: an address such as ops@example.com, or a ${VAR}\n  found:    "admin"',
    );
  });

  it("rejects no DNS zones", () => {
    expect(() => certManager({ ...base, dnsZones: [] })).toThrow(
      "OPTION cert-manager: dnsZones: the issuers need at least one DNS zone\n  expected: zones such as example.com\n  found:    []",
    );
  });

  it("rejects a zone that is not a DNS name", () => {
    expect(() => certManager({ ...base, dnsZones: ["https://example.com"] })).toThrow(
      'OPTION cert-manager: dnsZones: not a DNS zone\n  expected: a zone such as example.com or ${SECRET_DOMAIN}\n  found:    "https://example.com"',
    );
  });

  it("rejects zero replicas", () => {
    expect(() => certManager({ ...base, replicas: 0 })).toThrow(
      "OPTION cert-manager: replicas: cert-manager needs at least one replica\n  expected: an integer ≥ 1\n  found:    0",
    );
  });

  it("rejects a token field the template cannot read", () => {
    expect(() => certManager({ ...base, cloudflareTokenField: "api-token" })).toThrow(
      "OPTION cert-manager: cloudflareTokenField: not a field name the secret template can read\n  expected: letters, digits and '_', not starting with a digit\n  found:    \"api-token\"",
    );
  });

  it("rejects an empty item name", () => {
    expect(() => certManager({ ...base, cloudflareItem: "" })).toThrow(
      'OPTION cert-manager: cloudflareItem: the 1Password item name is empty\n  expected: the item holding the Cloudflare token\n  found:    ""',
    );
  });

  it("rejects bad option types at compile time", () => {
    const issuer: ClusterIssuerRef = certManager(base).issuers.staging;
    // @ts-expect-error the store is required
    expect(() => certManager({ email: "admin@example.com", dnsZones: ["example.com"] })).toThrow();
    // @ts-expect-error an issuer is not a secret store
    certManager({ ...base, store: issuer });
    // @ts-expect-error zones are a list
    expect(() => certManager({ ...base, dnsZones: "example.com" })).toThrow();
    // @ts-expect-error unknown option
    certManager({ ...base, domain: "example.com" });
  });
});

describe.skipIf(!schemaPresent(VALUES_SCHEMA))("cert-manager chart values", () => {
  it("match the chart's values.schema.json", () => {
    // GIVEN the controller values, default and with options WHEN validated THEN the chart schema accepts them
    for (const options of [{}, { replicas: 3, dns01Nameservers: ["1.1.1.1:53", "8.8.8.8:53"] }]) {
      const values = helmValues(appOf(certManager({ ...base, ...options }), "cert-manager"));
      expect(valuesErrors(VALUES_SCHEMA, values)).toEqual([]);
    }
  });
});
