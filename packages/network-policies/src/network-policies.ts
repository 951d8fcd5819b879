import { type Component, defineApp, type NamespaceComponent, packageOf } from "@k8s-ops/core";
import { baselinePolicies } from "./baseline.js";
import { checkOptions } from "./checks.js";
import { clusterwidePolicies } from "./clusterwide.js";
import { type NetworkPoliciesOptions, resolveOptions } from "./options.js";

/** Named on every object this package renders into a cluster. */
const SOURCE = packageOf(import.meta.url);

export interface NetworkPolicies extends Component {
  readonly namespaceComponents: readonly NamespaceComponent[];
  /** The namespaces without default deny. */
  readonly exempt: readonly string[];
}

/**
 * Default-deny with explicit allows, as Cilium policies: a namespace-wide component every namespace includes
 * (default deny, DNS, API server, same namespace, gateways, monitoring, extra egress and ingress), and an app with the
 * cluster-wide policies (node and health traffic, the gateway proxies, the scrapers).
 */
export function networkPolicies(options: NetworkPoliciesOptions = {}): NetworkPolicies {
  const o = resolveOptions(options);
  checkOptions(o);
  const clusterwide = defineApp({
    name: "network-policies",
    namespace: "kube-system",
    layer: "config",
    objects: clusterwidePolicies(o),
  });
  return {
    name: "network-policies",
    apps: [clusterwide],
    source: SOURCE,
    namespaceComponents: [{ name: "network-policies", objects: baselinePolicies(o) }],
    exempt: [...o.exempt],
  };
}
