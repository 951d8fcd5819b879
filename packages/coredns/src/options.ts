import type { ClusterSettings } from "@k8s-ops/core";

export interface CorednsOptions {
  /** The cluster CoreDNS serves: its service CIDR places the DNS Service at its tenth address. */
  readonly settings: ClusterSettings;
  /** Namespace of the release. @default "kube-system" */
  readonly namespace?: string;
  /** CoreDNS replicas, spread over the control-plane nodes. @default 2 */
  readonly replicas?: number;
  /** The cluster domain kubelet gives pods. @default "cluster.local" */
  readonly clusterDomain?: string;
  /**
   * Where names outside the cluster go: the `forward` plugin's destinations, space-separated.
   * @default "/etc/resolv.conf" (the node's resolver: Talos' host DNS)
   */
  readonly upstream?: string;
}

export interface ResolvedCorednsOptions extends Required<CorednsOptions> {}

export function resolveOptions(options: CorednsOptions): ResolvedCorednsOptions {
  return {
    settings: options.settings,
    namespace: options.namespace ?? "kube-system",
    replicas: options.replicas ?? 2,
    clusterDomain: options.clusterDomain ?? "cluster.local",
    upstream: options.upstream ?? "/etc/resolv.conf",
  };
}
