import type { ClusterSettings } from "@k8s-ops/core";

export interface CiliumOptions {
  /** The cluster Cilium runs on: its name and id, pod CIDR, node network, LoadBalancer range and BGP peering. */
  readonly settings: ClusterSettings;
  /** Namespace of the release. @default "kube-system" */
  readonly namespace?: string;
  /**
   * The range Cilium routes natively, without masquerading. It must contain the cluster's pod CIDR (and, with
   * ClusterMesh, every peer's). @default the cluster's pod CIDR
   */
  readonly nativeRoutingCidr?: string;
  /** Replicas of the Cilium operator. @default 2 */
  readonly operatorReplicas?: number;
  /** How LoadBalancer traffic reaches backends on other nodes. @default "dsr" */
  readonly loadBalancerMode?: "dsr" | "snat" | "hybrid";
  /** Deploy Hubble relay and UI. @default false */
  readonly hubble?: boolean;
}

/** Options with every default applied. */
export interface ResolvedCiliumOptions extends Required<Omit<CiliumOptions, "settings">> {
  readonly settings: ClusterSettings;
}

export function resolveOptions(options: CiliumOptions): ResolvedCiliumOptions {
  return {
    settings: options.settings,
    namespace: options.namespace ?? "kube-system",
    nativeRoutingCidr: options.nativeRoutingCidr ?? options.settings.network.podCidr,
    operatorReplicas: options.operatorReplicas ?? 2,
    loadBalancerMode: options.loadBalancerMode ?? "dsr",
    hubble: options.hubble ?? false,
  };
}
