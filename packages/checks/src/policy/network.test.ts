import { describe, expect, it } from "vitest";
import { lines, POLICY_CONTEXT, treeObject } from "../test-support.js";
import { baselineNetworkPolicies } from "./network.js";

const namespace = (name: string) =>
  treeObject({ apiVersion: "v1", kind: "Namespace", metadata: { name } }, "flux-system/cluster-apps");
const cnp = (name: string, ns: string, spec: Record<string, unknown>) =>
  treeObject({
    apiVersion: "cilium.io/v2",
    kind: "CiliumNetworkPolicy",
    metadata: { name, namespace: ns },
    spec,
  });
const deny = (ns: string) =>
  cnp("baseline-default-deny", ns, {
    endpointSelector: {
      matchExpressions: [
        { key: "k8s:io.kubernetes.pod.namespace", operator: "NotIn", values: ["kube-system"] },
      ],
    },
    ingress: [{}],
    egress: [{}],
  });
const dns = (ns: string) =>
  cnp("baseline-allow-dns", ns, {
    endpointSelector: {},
    enableDefaultDeny: { egress: false, ingress: false },
    egress: [{ toPorts: [{ ports: [{ port: "53", protocol: "UDP" }] }] }],
  });

describe("baselineNetworkPolicies", () => {
  const rule = baselineNetworkPolicies();

  it("accepts a namespace with the baseline component's default deny and DNS allow", () => {
    expect(rule([namespace("shop"), deny("shop"), dns("shop")], POLICY_CONTEXT)).toEqual([]);
  });

  it("reports a namespace without the baseline, and one the deny's selector leaves out", () => {
    // GIVEN 'bare' without policies, and 'kube' whose deny selects no pod of it
    const objects = [
      namespace("bare"),
      namespace("kube"),
      cnp("d", "kube", { endpointSelector: { matchLabels: { app: "web" } }, ingress: [{}], egress: [{}] }),
      dns("kube"),
    ];
    // WHEN
    const findings = rule(objects, POLICY_CONTEXT);
    // THEN
    expect(lines(findings)).toEqual([
      "NETWORK_POLICY test › flux-system/cluster-apps › Namespace bare: namespace bare has no default-deny network policy",
      "NETWORK_POLICY test › flux-system/cluster-apps › Namespace bare: namespace bare does not allow DNS egress",
      "NETWORK_POLICY test › flux-system/cluster-apps › Namespace kube: namespace kube has no default-deny network policy",
    ]);
  });

  it("accepts a Kubernetes NetworkPolicy default deny, and exempts kube-system and flux-system", () => {
    const netpol = treeObject({
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: { name: "deny", namespace: "shop" },
      spec: {
        podSelector: {},
        policyTypes: ["Ingress", "Egress"],
        egress: [{ ports: [{ port: 53, protocol: "UDP" }] }],
      },
    });
    expect(
      rule([namespace("shop"), netpol, namespace("kube-system"), namespace("flux-system")], POLICY_CONTEXT),
    ).toEqual([]);
  });
});
