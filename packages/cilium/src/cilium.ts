import { type ChartSource, type Component, defineApp, helmApp, OptionError } from "@k8s-ops/core";
import { containsCidr } from "cidr-tools";
import { bgpObjects, loadBalancerPool } from "./network.js";
import { type CiliumOptions, type ResolvedCiliumOptions, resolveOptions } from "./options.js";
import { ciliumValues } from "./values.js";

export const CILIUM_CHART: ChartSource = {
  url: "oci://quay.io/cilium/charts/cilium",
  // renovate: datasource=docker depName=quay.io/cilium/charts/cilium
  tag: "1.20.1",
};

export interface Cilium extends Component {
  /** The LoadBalancer range Cilium assigns from (LB IPAM). */
  readonly loadBalancerCidr: string;
}

/** Cilium as the cluster's CNI, plus its configuration stage (LB pool, BGP) once the agent serves its CRDs. */
export function cilium(options: CiliumOptions): Cilium {
  const o = resolveOptions(options);
  checkOptions(o);
  const agent = helmApp({
    name: "cilium",
    namespace: o.namespace,
    layer: "controllers",
    chart: CILIUM_CHART,
    values: ciliumValues(o),
    // The agent registers the cilium.io CRDs at start-up; wait so the config stage finds them.
    crds: ["cilium.io/*"],
    wait: true,
  });
  const config = defineApp({
    name: "cilium-config",
    namespace: o.namespace,
    layer: "config",
    folder: "cilium",
    dir: "config",
    objects: [
      loadBalancerPool(o.settings.network.loadBalancerCidr),
      ...(o.settings.bgp ? bgpObjects(o.settings.bgp) : []),
    ],
  });
  return { name: "cilium", apps: [agent, config], loadBalancerCidr: o.settings.network.loadBalancerCidr };
}

function checkOptions(o: ResolvedCiliumOptions): void {
  if (!containsCidr(o.nativeRoutingCidr, o.settings.network.podCidr)) {
    throw new OptionError({
      path: "cilium: nativeRoutingCidr",
      message: "the native routing CIDR does not contain the cluster's pod CIDR",
      expected: `a range containing ${o.settings.network.podCidr}`,
      found: o.nativeRoutingCidr,
    });
  }
  if (!Number.isInteger(o.operatorReplicas) || o.operatorReplicas < 1) {
    throw new OptionError({
      path: "cilium: operatorReplicas",
      message: "the operator needs at least one replica",
      expected: "an integer ≥ 1",
      found: String(o.operatorReplicas),
    });
  }
}
