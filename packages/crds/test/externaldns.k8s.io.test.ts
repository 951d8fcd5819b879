import { describe, expect, it } from "vitest";
import { DNSEndpoint } from "../src/generated/externaldns.k8s.io/v1alpha1/index.js";

const metadata = { name: "external", namespace: "network" };

describe("externaldns.k8s.io/v1alpha1", () => {
  it("sets apiVersion and kind and serialises without undefined fields", () => {
    // GIVEN the record that points the external hostname at the tunnel
    const endpoint = new DNSEndpoint({
      metadata,
      spec: {
        endpoints: [
          {
            dnsName: "external.example.com",
            recordType: "CNAME",
            targets: ["tunnel.example.com"],
            recordTTL: undefined,
          },
        ],
      },
    });
    // THEN apiVersion/kind come from the class and undefined is dropped
    expect(endpoint.toJSON()).toEqual({
      apiVersion: "externaldns.k8s.io/v1alpha1",
      kind: "DNSEndpoint",
      metadata,
      spec: {
        endpoints: [
          { dnsName: "external.example.com", recordType: "CNAME", targets: ["tunnel.example.com"] },
        ],
      },
    });
  });

  it("validates a CNAME record with a TTL and a provider-specific setting", () => {
    // GIVEN a proxied Cloudflare CNAME
    const endpoint = new DNSEndpoint({
      metadata,
      spec: {
        endpoints: [
          {
            dnsName: "external.example.com",
            recordType: "CNAME",
            recordTTL: 300,
            targets: ["tunnel.example.com"],
            providerSpecific: [
              { name: "external-dns.alpha.kubernetes.io/cloudflare-proxied", value: "true" },
            ],
          },
        ],
      },
    });
    // WHEN validated THEN it passes
    expect(() => endpoint.validate()).not.toThrow();
  });

  it("rejects a non-integer TTL with ajv's message", () => {
    // GIVEN a TTL of 1.5 seconds
    const endpoint = new DNSEndpoint({
      metadata,
      spec: { endpoints: [{ dnsName: "a.example.com", recordTTL: 1.5 }] },
    });
    // THEN validation names the field
    expect(() => endpoint.validate()).toThrow("data/spec/endpoints/0/recordTTL must be integer");
  });

  it("rejects a wrong field type at compile time", () => {
    // @ts-expect-error targets is a list of strings
    const endpoint = new DNSEndpoint({ metadata, spec: { endpoints: [{ dnsName: "a", targets: "b" }] } });
    expect(endpoint.kind).toBe("DNSEndpoint");
  });
});
