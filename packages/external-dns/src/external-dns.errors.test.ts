import { reference, type StorageClassRef } from "@k8s-ops/core";
import { helmValues, SCHEMAS_DIR, schemaPresent, valuesErrors } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { externalDns } from "./index.js";
import { base, envoyExternal, gatewayApp, secrets, theApp } from "./test-support.js";

const VALUES_SCHEMA = `${SCHEMAS_DIR}/values/external-dns/values.schema.json`;

describe("externalDns errors", () => {
  it("rejects an empty owner id", () => {
    expect(() => externalDns({ ...base, txtOwnerId: "" })).toThrow(
      'OPTION external-dns: txtOwnerId: not a usable owner id\n  expected: a per-cluster id such as the cluster name\n  found:    ""',
    );
  });

  it("rejects no zones", () => {
    expect(() => externalDns({ ...base, domainFilters: [] })).toThrow(
      "OPTION external-dns: domainFilters: external-dns needs at least one zone to write to\n  expected: zones such as example.com\n  found:    []",
    );
  });

  it("rejects a zone that is not a DNS name", () => {
    expect(() => externalDns({ ...base, domainFilters: ["*.example.com"] })).toThrow(
      'OPTION external-dns: domainFilters: not a DNS zone\n  expected: a zone such as example.com or ${SECRET_DOMAIN}\n  found:    "*.example.com"',
    );
  });

  it("rejects no sources", () => {
    expect(() => externalDns({ ...base, sources: [] })).toThrow(
      "OPTION external-dns: sources: nothing to publish\n  expected: at least one source\n  found:    []",
    );
  });

  it("rejects a token field the template cannot read", () => {
    expect(() => externalDns({ ...base, cloudflareTokenField: "api token" })).toThrow(
      "OPTION external-dns: cloudflareTokenField: not a field name the secret template can read\n  expected: letters, digits and '_', not starting with a digit\n  found:    \"api token\"",
    );
  });

  it("rejects bad option types at compile time", () => {
    const storageClass: StorageClassRef = reference("StorageClass", gatewayApp, "ceph-block");
    // @ts-expect-error the owner id is required: each cluster needs its own
    expect(() => externalDns({ domainFilters: ["example.com"], store: secrets.secretStore })).toThrow();
    // @ts-expect-error a storage class is not a gateway
    externalDns({ ...base, gateway: storageClass });
    // @ts-expect-error unknown source
    externalDns({ ...base, sources: ["gateway-foo"] });
    // @ts-expect-error unknown option
    externalDns({ ...base, provider: "aws" });
  });
});

describe.skipIf(!schemaPresent(VALUES_SCHEMA))("external-dns chart values", () => {
  it("match the chart's values.schema.json", () => {
    // GIVEN values with and without the optional parts WHEN validated THEN the chart schema accepts them
    for (const options of [
      {},
      { gateway: envoyExternal, proxied: false, serviceMonitor: true, policy: "upsert-only" as const },
    ]) {
      expect(valuesErrors(VALUES_SCHEMA, helmValues(theApp(options)))).toEqual([]);
    }
  });
});
