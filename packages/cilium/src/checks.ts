import { OptionError } from "@k8s-ops/core";
import { containsCidr } from "cidr-tools";
import { checkClusterMesh } from "./mesh.js";
import { CLUSTER_NAME_RULE, isClusterId, isClusterName, requireCidr } from "./net.js";
import type { ResolvedCiliumOptions } from "./options.js";

/**
 * Checks everything the builder relies on, settings included: `defineSettings` checks those too, but a builder
 * may be handed settings that never went through it.
 */
export function checkOptions(o: ResolvedCiliumOptions): void {
  checkIdentity(o);
  checkNetwork(o);
  checkDatapath(o);
  checkGatewayApi(o);
  if (o.clusterMesh) checkClusterMesh(o, o.clusterMesh);
}

function checkIdentity({ settings }: ResolvedCiliumOptions): void {
  if (!isClusterName(settings.name)) {
    throw new OptionError({
      path: "cilium: settings.name",
      message: "not a valid Cilium cluster name",
      expected: CLUSTER_NAME_RULE,
      found: JSON.stringify(settings.name),
    });
  }
  if (!isClusterId(settings.id)) {
    throw new OptionError({
      path: "cilium: settings.id",
      message: "the cluster id is out of range",
      expected: "an integer in 1..255",
      found: String(settings.id),
    });
  }
}

function checkNetwork(o: ResolvedCiliumOptions): void {
  const { network } = o.settings;
  requireCidr("settings.network.podCidr", network.podCidr);
  requireCidr("settings.network.nodeCidr", network.nodeCidr);
  requireCidr("settings.network.loadBalancerCidr", network.loadBalancerCidr);
  requireCidr("nativeRoutingCidr", o.nativeRoutingCidr);
  if (!containsCidr(o.nativeRoutingCidr, network.podCidr)) {
    throw new OptionError({
      path: "cilium: nativeRoutingCidr",
      message: "the native routing CIDR does not contain the cluster's pod CIDR",
      expected: `a range containing ${network.podCidr}`,
      found: o.nativeRoutingCidr,
    });
  }
  if (!containsCidr(network.nodeCidr, network.loadBalancerCidr)) {
    throw new OptionError({
      path: "cilium: settings.network.loadBalancerCidr",
      message: "the LoadBalancer pool is not inside the node network",
      expected: `a range inside ${network.nodeCidr}`,
      found: network.loadBalancerCidr,
    });
  }
}

const LOAD_BALANCER_MODES: readonly string[] = ["dsr", "snat", "hybrid"];

function checkDatapath(o: ResolvedCiliumOptions): void {
  if (!LOAD_BALANCER_MODES.includes(o.loadBalancerMode)) {
    throw new OptionError({
      path: "cilium: loadBalancerMode",
      message: "not a load-balancing mode Cilium knows",
      expected: "dsr, snat or hybrid",
      found: JSON.stringify(o.loadBalancerMode),
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

function checkGatewayApi(o: ResolvedCiliumOptions): void {
  if (o.gatewayApi && !o.gatewayApiCrds) {
    throw new OptionError({
      path: "cilium: gatewayApiCrds",
      message: "Gateway API support needs the app that installs the Gateway API CRDs",
      expected: "a reference to the app installing gateway.networking.k8s.io CRDs",
      found: "none",
    });
  }
}
