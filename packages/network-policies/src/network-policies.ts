import { type Component, defineApp, type NamespaceComponent, OptionError, packageOf } from "@k8s-ops/core";
import { baselinePolicies } from "./baseline.js";
import { clusterwidePolicies } from "./clusterwide.js";
import {
  type NetworkPoliciesOptions,
  type ResolvedNetworkPoliciesOptions,
  resolveOptions,
} from "./options.js";

/** Named on every object this package renders into a cluster. */
const SOURCE = packageOf(import.meta.url);

export interface NetworkPolicies extends Component {
  readonly namespaceComponents: readonly NamespaceComponent[];
  /** The namespaces without default deny. */
  readonly exempt: readonly string[];
}

const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

/**
 * Default-deny with explicit allows, as Cilium policies: a namespace-wide component every namespace includes
 * (default deny, DNS, API server, same namespace, gateways, monitoring, extra egress), and an app with the
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

function checkOptions(o: ResolvedNetworkPoliciesOptions): void {
  const named: [string, string][] = [
    ...o.exempt.map((ns, i): [string, string] => [`exempt[${i}]`, ns]),
    ["gatewayNamespace", o.gatewayNamespace],
    ["monitoringNamespace", o.monitoringNamespace],
    ...Object.keys(o.egress).map((ns): [string, string] => [`egress.${ns}`, ns]),
  ];
  for (const [path, ns] of named) {
    if (ns.length > 63 || !LABEL.test(ns)) {
      throw new OptionError({
        path: `network-policies: ${path}`,
        message: "not a namespace name",
        expected: "a DNS label such as cert-manager",
        found: JSON.stringify(ns),
      });
    }
  }
  const pointless = Object.keys(o.egress).find((ns) => o.exempt.includes(ns));
  if (pointless !== undefined) {
    throw new OptionError({
      path: `network-policies: egress.${pointless}`,
      message: "the namespace is exempt from default deny, so extra egress would change nothing",
      expected: "egress only for namespaces under default deny",
      found: pointless,
    });
  }
}
