export interface MetricsServerOptions {
  /** Namespace of the release. @default "kube-system" */
  readonly namespace?: string;
  /** metrics-server replicas; above one a PodDisruptionBudget keeps one running. @default 1 */
  readonly replicas?: number;
  /**
   * Skip verifying kubelets' serving certificates (`--kubelet-insecure-tls`). Leave it off on Talos with
   * `machine.kubelet.extraArgs.rotate-server-certificates: true` and a CSR approver (kubelet-serving-cert-approver):
   * kubelets then serve certificates signed by the cluster CA for their node IPs. @default false
   */
  readonly kubeletInsecureTls?: boolean;
  /** Expose metrics-server's own metrics with a ServiceMonitor (needs the monitoring.coreos.com CRDs). @default false */
  readonly serviceMonitor?: boolean;
}

export interface ResolvedMetricsServerOptions extends Required<MetricsServerOptions> {}

export function resolveOptions(options: MetricsServerOptions = {}): ResolvedMetricsServerOptions {
  return {
    namespace: options.namespace ?? "kube-system",
    replicas: options.replicas ?? 1,
    kubeletInsecureTls: options.kubeletInsecureTls ?? false,
    serviceMonitor: options.serviceMonitor ?? false,
  };
}
