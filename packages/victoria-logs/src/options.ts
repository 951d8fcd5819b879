import type { ClusterSettings, StorageClassRef } from "@k8s-ops/core";

export interface VictoriaLogsOptions {
  /** The hub cluster: its name is the hub's `cluster`, its LB range holds `address`. */
  readonly settings: ClusterSettings;
  /** Storage class of the data volume: a reference the storage component exports. */
  readonly storageClass: StorageClassRef;
  /**
   * LoadBalancer IP of VictoriaLogs (Cilium LB IPAM), inside `settings.network.loadBalancerCidr` but neither end
   * of it (LB IPAM reserves both).
   */
  readonly address: string;
  /** Name of the VLSingle (its Service is `vlsingle-<name>`). @default "logs" */
  readonly name?: string;
  /** @default "observability" */
  readonly namespace?: string;
  /** How long logs are kept (`14d`, `8w`, `1y`; a bare number counts months). @default "14d" */
  readonly retention?: string;
  /** Size of the data volume. @default "50Gi" */
  readonly storageSize?: string;
  /** HTTP port, in the cluster and on the LoadBalancer. @default 9428 */
  readonly port?: number;
}

export interface ResolvedVictoriaLogsOptions extends Required<VictoriaLogsOptions> {}

export function resolveOptions(options: VictoriaLogsOptions): ResolvedVictoriaLogsOptions {
  return {
    settings: options.settings,
    storageClass: options.storageClass,
    address: options.address,
    name: options.name ?? "logs",
    namespace: options.namespace ?? "observability",
    retention: options.retention ?? "14d",
    storageSize: options.storageSize ?? "50Gi",
    port: options.port ?? 9428,
  };
}
