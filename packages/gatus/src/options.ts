import type { ClusterSettings, GatewayRef, StorageClassRef } from "@k8s-ops/core";

export interface GatusOptions {
  /** The cluster the page runs in: every cluster has its own page, on a host name of its own. */
  readonly settings: ClusterSettings;
  /** The gateway the status page is served on (envoy-gateway's `gateways.external` or `.internal`). */
  readonly gateway: GatewayRef;
  /** Host name of the status page. @default "status-<cluster name>.${SECRET_DOMAIN}" */
  readonly hostname?: string;
  /** Namespace of the release. @default "observability" */
  readonly namespace?: string;
  /** Title of the status page. @default "Status" */
  readonly title?: string;
  /**
   * Keep the check history in SQLite on a volume of this storage class; without one, Gatus keeps it in memory and
   * a restart forgets it. @default none (memory)
   */
  readonly storageClass?: StorageClassRef;
  /** Size of that volume. @default "1Gi" */
  readonly storageSize?: string;
  /** A ServiceMonitor of Gatus' `/metrics` (the chart's), converted by the VictoriaMetrics operator. @default true */
  readonly serviceMonitor?: boolean;
}

export interface ResolvedGatusOptions extends Required<Omit<GatusOptions, "storageClass" | "settings">> {
  readonly storageClass: StorageClassRef | undefined;
}

export function resolveOptions(options: GatusOptions): ResolvedGatusOptions {
  return {
    gateway: options.gateway,
    hostname: options.hostname ?? `status-${options.settings.name}.\${SECRET_DOMAIN}`,
    namespace: options.namespace ?? "observability",
    title: options.title ?? "Status",
    storageClass: options.storageClass,
    storageSize: options.storageSize ?? "1Gi",
    serviceMonitor: options.serviceMonitor ?? true,
  };
}
