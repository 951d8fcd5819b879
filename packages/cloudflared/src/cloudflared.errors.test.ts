import { type GatewayRef, reference } from "@k8s-ops/core";
import { describe, expect, it } from "vitest";
import { cloudflared } from "./index.js";
import { base, envoyExternal, gatewayApp } from "./test-support.js";

describe("cloudflared errors", () => {
  it("rejects a domain that is not a DNS name", () => {
    expect(() => cloudflared({ ...base, domain: "https://example.com" })).toThrow(
      'OPTION cloudflared: domain: not a domain\n  expected: a domain such as example.com or ${SECRET_DOMAIN}\n  found:    "https://example.com"',
    );
  });

  it("rejects a dnsName that is not a DNS name", () => {
    // GIVEN a URL as the tunnel's record WHEN built THEN it throws
    expect(() => cloudflared({ ...base, dnsName: "https://external.example.com" })).toThrow(
      'OPTION cloudflared: dnsName: not a DNS name\n  expected: a name such as external.example.com\n  found:    "https://external.example.com"',
    );
  });

  it("rejects a tunnelId that is neither a UUID nor a variable", () => {
    // GIVEN the tunnel's name, then a CNAME target, as the id WHEN built THEN each throws
    const expected =
      "  expected: a UUID such as 6ff42ae2-765d-4adf-8112-31c55c1551ef, or a variable such as ${CLOUDFLARE_TUNNEL_ID}";
    expect(() => cloudflared({ ...base, tunnelId: "home" })).toThrow(
      `OPTION cloudflared: tunnelId: not a tunnel id\n${expected}\n  found:    "home"`,
    );
    expect(() => cloudflared({ ...base, tunnelId: "${CLOUDFLARE_TUNNEL_ID}.cfargotunnel.com" })).toThrow(
      `OPTION cloudflared: tunnelId: not a tunnel id\n${expected}\n  found:    "\${CLOUDFLARE_TUNNEL_ID}.cfargotunnel.com"`,
    );
  });

  it("rejects zero replicas", () => {
    expect(() => cloudflared({ ...base, replicas: 0 })).toThrow(
      "OPTION cloudflared: replicas: the tunnel needs at least one replica\n  expected: an integer ≥ 1\n  found:    0",
    );
  });

  it("rejects a gateway endpoint without a valid port", () => {
    expect(() => cloudflared({ ...base, gateway: { ...envoyExternal, port: 0 } })).toThrow(
      "OPTION cloudflared: gateway: the gateway endpoint has no valid port\n  expected: a port in 1..65535\n  found:    0",
    );
  });

  it("rejects a token field the template cannot read", () => {
    expect(() => cloudflared({ ...base, tunnelTokenField: "tunnel-token" })).toThrow(
      "OPTION cloudflared: tunnelTokenField: not a field name the secret template can read\n  expected: letters, digits and '_', not starting with a digit\n  found:    \"tunnel-token\"",
    );
  });

  it("rejects bad option types at compile time", () => {
    const gatewayRef: GatewayRef = {
      ...reference("Gateway", gatewayApp, "envoy-external", "network"),
      namespace: "network",
    };
    // @ts-expect-error a Gateway reference has no address: the tunnel needs the service endpoint
    expect(() => cloudflared({ ...base, gateway: gatewayRef })).toThrow();
    const url = "https://envoy-external.network.svc.cluster.local";
    // @ts-expect-error the gateway is an endpoint, not a URL
    expect(() => cloudflared({ ...base, gateway: url })).toThrow();
    // @ts-expect-error the store is required
    expect(() => cloudflared({ domain: "example.com", gateway: envoyExternal })).toThrow();
    // @ts-expect-error unknown option: the tunnel is named by its id
    cloudflared({ ...base, tunnelName: "home" });
  });
});
