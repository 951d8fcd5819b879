import { describe, expect, it } from "vitest";
import { networkPolicies } from "./index.js";
import { baseline, clusterwide, PROXIES } from "./test-support.js";

describe("networkPolicies options", () => {
  it("exempt: an empty list puts every namespace under default deny", () => {
    // GIVEN no exemptions WHEN built THEN default deny selects every endpoint
    const deny = baseline(networkPolicies({ exempt: [] })).get("baseline-default-deny");
    expect(deny?.spec).toMatchObject({ endpointSelector: {} });
  });

  it("exempt: other namespaces stay open", () => {
    // GIVEN another exempt namespace WHEN built THEN it is excluded as well, and exported
    const policies = networkPolicies({ exempt: ["kube-system", "flux-system", "rook-ceph"] });
    expect(baseline(policies).get("baseline-default-deny")?.spec).toMatchObject({
      endpointSelector: { matchExpressions: [{ values: ["flux-system", "kube-system", "rook-ceph"] }] },
    });
    expect(policies.exempt).toEqual(["kube-system", "flux-system", "rook-ceph"]);
  });

  it("gatewayNamespace: lets in the proxies of another namespace", () => {
    // GIVEN another gateway namespace WHEN built THEN the baseline and the cluster-wide proxy policy follow it
    const policies = networkPolicies({ gatewayNamespace: "ingress" });
    const proxies = { matchLabels: { ...PROXIES.matchLabels, "k8s:io.kubernetes.pod.namespace": "ingress" } };
    expect(baseline(policies).get("baseline-allow-gateways")?.spec).toMatchObject({
      ingress: [{ fromEndpoints: [proxies] }],
    });
    expect(clusterwide(policies).get("baseline-gateway-proxies")?.spec).toMatchObject({
      endpointSelector: proxies,
    });
  });

  it("monitoringNamespace: lets in the scrapers of another namespace", () => {
    // GIVEN another monitoring namespace WHEN built THEN both monitoring policies name it
    const policies = networkPolicies({ monitoringNamespace: "monitoring" });
    const monitoring = { matchLabels: { "k8s:io.kubernetes.pod.namespace": "monitoring" } };
    expect(baseline(policies).get("baseline-allow-monitoring")?.spec).toMatchObject({
      ingress: [{ fromEndpoints: [monitoring] }],
    });
    expect(clusterwide(policies).get("baseline-monitoring")?.spec).toMatchObject({
      endpointSelector: monitoring,
    });
  });

  it("egress: one policy per target, selecting exactly the namespaces given it; none without any", () => {
    // GIVEN cluster-wide egress for one namespace and no other extra egress WHEN built
    const policies = baseline(networkPolicies({ egress: { apps: ["cluster"] } }));
    // THEN only the cluster egress policy exists, for that namespace
    expect(policies.get("baseline-allow-egress-cluster")?.spec).toMatchObject({
      egress: [{ toEntities: ["cluster"] }],
      endpointSelector: { matchExpressions: [{ operator: "In", values: ["apps"] }] },
    });
    expect(policies.has("baseline-allow-egress-world")).toBe(false);
    expect(baseline(networkPolicies({ egress: {} })).size).toBe(6);
  });
});

describe("networkPolicies option errors", () => {
  it("rejects a namespace name that is not a DNS label", () => {
    // GIVEN an invalid name in each namespace option WHEN built THEN it throws naming the option
    expect(() => networkPolicies({ exempt: ["kube-system", "Flux"] })).toThrow(
      [
        "OPTION network-policies: exempt[1]: not a namespace name",
        "  expected: a DNS label such as cert-manager",
        '  found:    "Flux"',
      ].join("\n"),
    );
    expect(() => networkPolicies({ monitoringNamespace: "" })).toThrow(
      [
        "OPTION network-policies: monitoringNamespace: not a namespace name",
        "  expected: a DNS label such as cert-manager",
        '  found:    ""',
      ].join("\n"),
    );
    expect(() => networkPolicies({ egress: { cert_manager: ["world"] } })).toThrow(
      "OPTION network-policies: egress.cert_manager: not a namespace name",
    );
  });

  it("rejects extra egress for an exempt namespace", () => {
    // GIVEN world egress for kube-system, which is exempt WHEN built THEN it throws
    expect(() => networkPolicies({ egress: { "kube-system": ["world"] } })).toThrow(
      [
        "OPTION network-policies: egress.kube-system: the namespace is exempt from default deny, so extra egress would change nothing",
        "  expected: egress only for namespaces under default deny",
        "  found:    kube-system",
      ].join("\n"),
    );
  });

  it("rejects option types at compile time", () => {
    // GIVEN wrongly typed options THEN the compiler refuses them
    // @ts-expect-error egress targets are world, nodes or cluster
    networkPolicies({ egress: { apps: ["internet"] } });
    // @ts-expect-error exempt is a list of namespaces
    expect(() => networkPolicies({ exempt: "kube-system" })).toThrow();
    // @ts-expect-error unknown options are refused
    networkPolicies({ defaultDeny: false });
  });
});
