export interface ReloaderOptions {
  /** Namespace of the release. @default "kube-system" */
  readonly namespace?: string;
  /** Reloader replicas; above one, leader election (`enableHA`) turns on. @default 1 */
  readonly replicas?: number;
  /** Render the chart's PodMonitor (needs the monitoring.coreos.com CRDs). @default false */
  readonly podMonitor?: boolean;
}

export interface ResolvedReloaderOptions extends Required<ReloaderOptions> {}

export function resolveOptions(options: ReloaderOptions = {}): ResolvedReloaderOptions {
  return {
    namespace: options.namespace ?? "kube-system",
    replicas: options.replicas ?? 1,
    podMonitor: options.podMonitor ?? false,
  };
}
