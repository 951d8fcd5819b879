export interface DragonflyOperatorOptions {
  /** Namespace of the operator. @default "dragonfly-system" */
  readonly namespace?: string;
  /** Operator replicas. @default 1 */
  readonly replicas?: number;
  /** Render the operator's ServiceMonitor (needs the monitoring.coreos.com CRDs). @default false */
  readonly serviceMonitor?: boolean;
}

export interface ResolvedDragonflyOperatorOptions extends Required<DragonflyOperatorOptions> {}

export function resolveOptions(options: DragonflyOperatorOptions = {}): ResolvedDragonflyOperatorOptions {
  return {
    namespace: options.namespace ?? "dragonfly-system",
    replicas: options.replicas ?? 1,
    serviceMonitor: options.serviceMonitor ?? false,
  };
}
