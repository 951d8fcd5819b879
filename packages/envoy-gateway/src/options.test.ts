import type { ClusterIssuerRef, StorageClassRef } from "@k8s-ops/core";
import { appOf, objectsOf } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { envoyGateway, httpRoute } from "./index.js";
import { base, certs, settings } from "./test-support.js";

describe("envoyGateway options", () => {
  it("addresses: each gateway's Service asks LB IPAM for its address", () => {
    // GIVEN two other addresses of the range WHEN built THEN the proxies carry them
    const envoy = envoyGateway({
      ...base,
      addresses: { external: "192.168.0.140", internal: "192.168.0.150" },
    });
    const [, external, internal] = objectsOf(appOf(envoy, "envoy-gateways"), "EnvoyProxy");
    const annotations = "spec.provider.kubernetes.envoyService.annotations";
    expect(external).toHaveProperty(annotations, { "lbipam.cilium.io/ips": "192.168.0.140" });
    expect(internal).toHaveProperty(annotations, { "lbipam.cilium.io/ips": "192.168.0.150" });
  });

  it("issuer: the certificate comes from the given ClusterIssuer", () => {
    // GIVEN the staging issuer of another issuers app WHEN rendered
    const staging: ClusterIssuerRef = { ...certs.issuers.production, name: "letsencrypt-staging" };
    const [certificate] = objectsOf(
      appOf(envoyGateway({ ...base, issuer: staging }), "envoy-gateways"),
      "Certificate",
    );
    // THEN the certificate names it
    expect(certificate?.spec).toMatchObject({ issuerRef: { name: "letsencrypt-staging" } });
  });

  it("domain: the certificate covers another domain and its subdomains", () => {
    // GIVEN a literal domain WHEN built THEN the certificate names it
    const [certificate] = objectsOf(
      appOf(envoyGateway({ ...base, domain: "example.com" }), "envoy-gateways"),
      "Certificate",
    );
    expect(certificate?.spec).toMatchObject({ dnsNames: ["example.com", "*.example.com"] });
  });

  it("namespace: moves the controller, the gateways and the references", () => {
    // GIVEN another namespace WHEN built
    const envoy = envoyGateway({ ...base, namespace: "ingress" });
    // THEN both apps, the class parameters, the redirect's parents and the exports move there
    expect(envoy.apps.map((a) => a.namespace)).toEqual(["ingress", "ingress"]);
    const [gatewayClass] = objectsOf(appOf(envoy, "envoy-gateways"), "GatewayClass");
    expect(gatewayClass?.spec).toMatchObject({ parametersRef: { namespace: "ingress" } });
    expect(envoy.gateways.internal.namespace).toBe("ingress");
    expect(envoy.services.external.host).toBe("envoy-external.ingress.svc.cluster.local");
  });

  it("replicas and externalTrafficPolicy: shape every proxy Deployment and Service", () => {
    // GIVEN three replicas and Cluster traffic policy WHEN built
    const envoy = envoyGateway({ ...base, replicas: 3, externalTrafficPolicy: "Cluster" });
    // THEN the class proxy and both gateway proxies carry them
    for (const proxy of objectsOf(appOf(envoy, "envoy-gateways"), "EnvoyProxy")) {
      expect(proxy.spec).toMatchObject({
        provider: {
          kubernetes: {
            envoyDeployment: { replicas: 3 },
            envoyService: { externalTrafficPolicy: "Cluster" },
          },
        },
      });
    }
  });

  it("trustedHops and http3: change client address detection and turn HTTP/3 off", () => {
    // GIVEN no trusted proxy and no HTTP/3 WHEN built
    const [policy] = objectsOf(
      appOf(envoyGateway({ ...base, trustedHops: 0, http3: false }), "envoy-gateways"),
      "ClientTrafficPolicy",
    );
    // THEN the external gateway's policy trusts no XFF entry and offers no HTTP/3
    expect(policy?.spec).toMatchObject({ clientIPDetection: { xForwardedFor: { numTrustedHops: 0 } } });
    expect(policy?.spec).not.toHaveProperty("http3");
  });

  it("externalDnsTarget: external-dns publishes the external gateway's routes as CNAMEs to it", () => {
    // GIVEN the Cloudflare tunnel's record as the target WHEN built
    const envoy = envoyGateway({ ...base, externalDnsTarget: "external.${SECRET_DOMAIN}" });
    const [external, internal] = objectsOf(appOf(envoy, "envoy-gateways"), "Gateway");
    // THEN envoy-external carries the target annotation, and envoy-internal does not
    expect(external?.metadata).toEqual({
      name: "envoy-external",
      annotations: { "external-dns.alpha.kubernetes.io/target": "external.${SECRET_DOMAIN}" },
    });
    expect(internal?.metadata).toEqual({ name: "envoy-internal" });
    // AND without it, no gateway is annotated
    const [plain] = objectsOf(appOf(envoyGateway(base), "envoy-gateways"), "Gateway");
    expect(plain?.metadata).toEqual({ name: "envoy-external" });
  });
});

describe("envoyGateway option errors", () => {
  it("rejects an address that is not an IP", () => {
    // GIVEN a host name as address WHEN built THEN it throws naming the gateway
    expect(() =>
      envoyGateway({ ...base, addresses: { external: "gateway.lan", internal: "192.168.0.131" } }),
    ).toThrow(
      [
        "OPTION envoy-gateway: addresses.external: not an IP address",
        "  expected: an address such as 10.25.11.70",
        "  found:    gateway.lan",
      ].join("\n"),
    );
  });

  it("rejects an address outside the cluster's LoadBalancer range", () => {
    // GIVEN a node address WHEN built THEN it throws with the range
    expect(() =>
      envoyGateway({ ...base, addresses: { external: "192.168.0.130", internal: "192.168.0.11" } }),
    ).toThrow(
      [
        "OPTION envoy-gateway: addresses.internal: the address is outside the cluster's LoadBalancer range",
        "  expected: an address inside 192.168.0.128/27",
        "  found:    192.168.0.11",
      ].join("\n"),
    );
  });

  it.each([
    ["external", "192.168.0.128"],
    ["internal", "192.168.0.159"],
  ] as const)("rejects the range's reserved address for %s: %s", (which, address) => {
    // GIVEN the network or broadcast address of 192.168.0.128/27, which LB IPAM never hands out
    const addresses = { external: "192.168.0.130", internal: "192.168.0.131", [which]: address };
    // WHEN built THEN it throws with the addresses it can use
    expect(() => envoyGateway({ ...base, addresses })).toThrow(
      [
        `OPTION envoy-gateway: addresses.${which}: the address is the first or last of the cluster's LoadBalancer range, which LB IPAM reserves`,
        "  expected: an address from 192.168.0.129 to 192.168.0.158",
        `  found:    ${address}`,
      ].join("\n"),
    );
  });

  it("rejects the same address for both gateways", () => {
    // GIVEN one address twice WHEN built THEN it throws
    expect(() =>
      envoyGateway({ ...base, addresses: { external: "192.168.0.130", internal: "192.168.0.130" } }),
    ).toThrow(
      [
        "OPTION envoy-gateway: addresses: the two gateways need different addresses",
        "  expected: two distinct addresses",
        "  found:    192.168.0.130",
      ].join("\n"),
    );
  });

  it("rejects a domain that is not a DNS name", () => {
    // GIVEN a URL as domain WHEN built THEN it throws
    expect(() => envoyGateway({ ...base, domain: "https://example.com" })).toThrow(
      [
        "OPTION envoy-gateway: domain: not a DNS name",
        "  expected: a domain such as example.com or ${SECRET_DOMAIN}",
        '  found:    "https://example.com"',
      ].join("\n"),
    );
  });

  it("rejects a domain variable the cluster does not define", () => {
    // GIVEN settings without SECRET_DOMAIN among the secrets WHEN built with the default domain THEN it throws
    expect(() => envoyGateway({ ...base, settings: { ...settings, secretVariables: [] } })).toThrow(
      [
        "OPTION envoy-gateway: domain: the domain uses ${SECRET_DOMAIN}, which the cluster does not define",
        "  expected: a variable of the cluster settings or a name in settings.secretVariables",
        "  found:    SECRET_DOMAIN",
      ].join("\n"),
    );
  });

  it("rejects an externalDnsTarget that is not a DNS name, or uses a variable the cluster lacks", () => {
    // GIVEN a URL, then an undefined variable, as the target WHEN built THEN each throws
    expect(() => envoyGateway({ ...base, externalDnsTarget: "https://external.example.com" })).toThrow(
      [
        "OPTION envoy-gateway: externalDnsTarget: not a DNS name",
        "  expected: a DNS name such as external.example.com",
        '  found:    "https://external.example.com"',
      ].join("\n"),
    );
    expect(() => envoyGateway({ ...base, externalDnsTarget: "external.${TUNNEL_DOMAIN}" })).toThrow(
      [
        "OPTION envoy-gateway: externalDnsTarget: the externalDnsTarget uses ${TUNNEL_DOMAIN}, which the cluster does not define",
        "  expected: a variable of the cluster settings or a name in settings.secretVariables",
        "  found:    TUNNEL_DOMAIN",
      ].join("\n"),
    );
  });

  it("rejects fewer than one proxy, a negative hop count and a bad namespace", () => {
    // GIVEN each bad value WHEN built THEN each throws naming its option
    expect(() => envoyGateway({ ...base, replicas: 0 })).toThrow(
      [
        "OPTION envoy-gateway: replicas: each gateway needs at least one Envoy proxy",
        "  expected: an integer ≥ 1",
        "  found:    0",
      ].join("\n"),
    );
    expect(() => envoyGateway({ ...base, trustedHops: -1 })).toThrow(
      [
        "OPTION envoy-gateway: trustedHops: not a number of proxies",
        "  expected: an integer ≥ 0",
        "  found:    -1",
      ].join("\n"),
    );
    expect(() => envoyGateway({ ...base, namespace: "Network" })).toThrow(
      [
        "OPTION envoy-gateway: namespace: not a namespace name",
        "  expected: a DNS label such as network",
        '  found:    "Network"',
      ].join("\n"),
    );
  });

  it("rejects option types at compile time", () => {
    // GIVEN wrongly typed options THEN the compiler refuses them
    const storageClass: StorageClassRef = {
      type: "StorageClass",
      name: "ceph-block",
      provider: { name: "rook-ceph-cluster", namespace: "rook-ceph" },
    };
    // @ts-expect-error the issuer is a ClusterIssuerRef, not a name
    envoyGateway({ ...base, issuer: "letsencrypt-production" });
    // @ts-expect-error the issuer is a ClusterIssuerRef, not any reference
    envoyGateway({ ...base, issuer: storageClass });
    // @ts-expect-error externalTrafficPolicy is Local or Cluster
    envoyGateway({ ...base, externalTrafficPolicy: "local" });
    // @ts-expect-error both addresses are required
    expect(() => envoyGateway({ ...base, addresses: { external: "192.168.0.130" } })).toThrow();
    // @ts-expect-error unknown options are refused
    envoyGateway({ ...base, gatewayClass: "cilium" });
    // AND the route builder is exported beside it
    expect(typeof httpRoute).toBe("function");
  });
});
