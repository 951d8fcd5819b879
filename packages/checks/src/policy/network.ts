import type { PolicyRule } from "../context.js";
import { finding } from "../finding.js";
import { at, isObject } from "../tree/documents.js";
import type { TreeObject } from "../tree/model.js";

/** What the baseline asks of every namespace. */
type Need = "default-deny" | "dns";

const WHAT: Readonly<Record<Need, { message: string; expected: string }>> = {
  "default-deny": {
    message: "has no default-deny network policy",
    expected: "a policy selecting every pod that denies ingress and egress by default",
  },
  dns: { message: "does not allow DNS egress", expected: "a policy allowing egress to DNS (port 53)" },
};

/** Namespaces the baseline leaves alone by default (as @k8s-ops/network-policies does): the control plane's own. */
export const EXEMPT_NAMESPACES: readonly string[] = ["kube-system", "flux-system"];

const NAMESPACE_LABEL = "k8s:io.kubernetes.pod.namespace";

/**
 * Every namespace has the baseline: a default deny of ingress and egress for all its pods (NetworkPolicy with an
 * empty podSelector and both policyTypes, or a CiliumNetworkPolicy / CiliumClusterwideNetworkPolicy selecting all
 * the namespace's endpoints with ingress and egress sections) and an allow of DNS egress for them.
 */
export function baselineNetworkPolicies(options: { exempt?: readonly string[] } = {}): PolicyRule {
  const exempt = new Set(options.exempt ?? EXEMPT_NAMESPACES);
  return (objects, context) => {
    const policies = objects.filter(isPolicy);
    const clusterWide = policies.filter((p) => p.kind === "CiliumClusterwideNetworkPolicy");
    return objects
      .filter((o) => o.kind === "Namespace" && !exempt.has(o.name))
      .flatMap((ns) => {
        const own = [...clusterWide, ...policies.filter((p) => p.namespace === ns.name)];
        const missing = (["default-deny", "dns"] as const).filter(
          (need) => !own.some((p) => meets(p, need, ns.name)),
        );
        return missing.map((need) =>
          finding("NETWORK_POLICY", context.pathOf(ns), `namespace ${ns.name} ${WHAT[need].message}`, {
            expected: WHAT[need].expected,
            found: "none",
          }),
        );
      });
  };
}

function isPolicy(object: TreeObject): boolean {
  return (
    (object.kind === "NetworkPolicy" && object.apiVersion === "networking.k8s.io/v1") ||
    ((object.kind === "CiliumNetworkPolicy" || object.kind === "CiliumClusterwideNetworkPolicy") &&
      object.apiVersion.startsWith("cilium.io/"))
  );
}

function meets(policy: TreeObject, need: Need, namespace: string): boolean {
  const spec = isObject(policy.json.spec) ? policy.json.spec : {};
  const cilium = policy.kind !== "NetworkPolicy";
  if (!selectsAll(cilium ? spec.endpointSelector : spec.podSelector, namespace)) return false;
  if (need === "dns") return JSON.stringify(spec.egress ?? []).match(/"port":"?53"?[,}]/) !== null;
  if (!cilium) {
    const types = Array.isArray(spec.policyTypes) ? spec.policyTypes : [];
    return types.includes("Ingress") && types.includes("Egress");
  }
  const enabled = at(spec, "enableDefaultDeny");
  const off = (direction: string) => isObject(enabled) && enabled[direction] === false;
  const ingress = "ingress" in spec || "ingressDeny" in spec;
  const egress = "egress" in spec || "egressDeny" in spec;
  return ingress && egress && !off("ingress") && !off("egress");
}

/** Whether a selector picks every pod of the namespace: no conditions but ones on the namespace it holds. */
function selectsAll(selector: unknown, namespace: string): boolean {
  if (!isObject(selector)) return false;
  const labels = isObject(selector.matchLabels) ? Object.entries(selector.matchLabels) : [];
  const expressions = Array.isArray(selector.matchExpressions)
    ? selector.matchExpressions.filter(isObject)
    : [];
  return (
    labels.every(([key, value]) => key === NAMESPACE_LABEL && value === namespace) &&
    expressions.every((e) => holds(e, namespace))
  );
}

function holds(expression: Record<string, unknown>, namespace: string): boolean {
  if (expression.key !== NAMESPACE_LABEL) return false;
  const values = Array.isArray(expression.values) ? expression.values : [];
  if (expression.operator === "In") return values.includes(namespace);
  if (expression.operator === "NotIn") return !values.includes(namespace);
  return expression.operator === "Exists";
}
