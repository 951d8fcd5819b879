export interface SnapshotControllerOptions {
  /**
   * Namespace of the release. The snapshot controller is a cluster component that Kubernetes distributions ship in
   * kube-system, next to the other cluster-wide controllers (CoreDNS, metrics-server). @default "kube-system"
   */
  readonly namespace?: string;
  /** Controller replicas; they elect a leader, the others stand by. @default 2 */
  readonly replicas?: number;
  /** Render the chart's ServiceMonitor; needs the monitoring.coreos.com CRDs on the cluster. @default false */
  readonly serviceMonitor?: boolean;
}

export interface ResolvedSnapshotControllerOptions extends Required<SnapshotControllerOptions> {}

export function resolveOptions(options: SnapshotControllerOptions = {}): ResolvedSnapshotControllerOptions {
  return {
    namespace: options.namespace ?? "kube-system",
    replicas: options.replicas ?? 2,
    serviceMonitor: options.serviceMonitor ?? false,
  };
}
