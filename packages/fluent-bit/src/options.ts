import type { ClusterSettings, ServiceEndpoint } from "@k8s-ops/core";

/**
 * Where the logs of every cluster go: VictoriaLogs on the hub (infra) cluster, as the victoria-logs package exports
 * it (`logsInsert(hub, settings)`). The collector reaches it over the network; it carries VictoriaLogs' Service as a
 * reference: on the hub's cluster it waits for it, from another cluster `k8s-ops check` resolves it there.
 */
export interface LogsHub {
  /** Name of the cluster VictoriaLogs runs in (its `ClusterSettings.name`), e.g. `infra`. */
  readonly cluster: string;
  /** VictoriaLogs' Service, provided by an app of `cluster` (victoria-logs' `hub.service`). */
  readonly service: ServiceEndpoint;
  /**
   * Host name or address Fluent Bit connects to: the Service's in-cluster DNS name for collectors in the hub's own
   * cluster, an address or name the other clusters reach (LoadBalancer IP, ClusterMesh global service, DNS name)
   * otherwise. May contain `${VAR}`s Flux substitutes.
   */
  readonly host: string;
  /** TCP port of the ingestion endpoint (VictoriaLogs serves 9428). */
  readonly port: number;
  /** Path of VictoriaLogs' JSON-lines ingestion endpoint, `/insert/jsonline` (behind a proxy: a prefix before it). */
  readonly path: string;
  /** Connect over TLS. @default false */
  readonly tls?: boolean;
  /**
   * HTTP headers sent with every request, e.g. VictoriaLogs' tenant: `{ AccountID: "2", ProjectID: "0" }`.
   * @default none (tenant 0)
   */
  readonly headers?: Readonly<Record<string, string>>;
}

export type LogLevel = "off" | "error" | "warn" | "info" | "debug" | "trace";

export interface FluentBitOptions {
  /** The cluster the collector runs in: its name becomes the `cluster` field of every record. */
  readonly settings: ClusterSettings;
  /** The VictoriaLogs endpoint every record is sent to. */
  readonly logsHub: LogsHub;
  /** Namespace of the release. @default "observability" */
  readonly namespace?: string;
  /**
   * Receive the logs Talos sends: its services' logs (machined, kubelet, etcd, containerd, apid, …) on
   * `127.0.0.1:6051` and the kernel log on `127.0.0.1:6050`, both JSON lines over TCP. The machine configuration
   * must point `machine.logging.destinations` and a `KmsgLogConfig` there (see `talosLogForwarding()`).
   * @default true
   */
  readonly talosLogs?: boolean;
  /** Tail the Kubernetes API server audit log Talos writes on control-plane nodes. @default true */
  readonly auditLogs?: boolean;
  /**
   * Record fields VictoriaLogs groups log streams by (`_stream_fields`).
   * @default cluster, node, source, kubernetes namespace/pod/container and talos-service (`STREAM_FIELDS`)
   */
  readonly streamFields?: readonly string[];
  /** Fluent Bit's own log level. @default "info" */
  readonly logLevel?: LogLevel;
  /**
   * Render the chart's ServiceMonitor of Fluent Bit's metrics (`/api/v2/metrics/prometheus`); the chart renders it
   * only where the monitoring.coreos.com CRDs are served, and the VictoriaMetrics operator converts it. @default true
   */
  readonly serviceMonitor?: boolean;
}

export interface ResolvedFluentBitOptions extends Required<FluentBitOptions> {
  readonly logsHub: LogsHub & { readonly tls: boolean; readonly headers: Readonly<Record<string, string>> };
}

/** The fields that identify a log stream: where a record comes from, never what it says. */
export const STREAM_FIELDS: readonly string[] = [
  "cluster",
  "node",
  "source",
  "kubernetes.namespace_name",
  "kubernetes.pod_name",
  "kubernetes.container_name",
  "talos-service",
];

export function resolveOptions(options: FluentBitOptions): ResolvedFluentBitOptions {
  return {
    settings: options.settings,
    logsHub: {
      ...options.logsHub,
      tls: options.logsHub.tls ?? false,
      headers: options.logsHub.headers ?? {},
    },
    namespace: options.namespace ?? "observability",
    talosLogs: options.talosLogs ?? true,
    auditLogs: options.auditLogs ?? true,
    streamFields: options.streamFields ?? STREAM_FIELDS,
    logLevel: options.logLevel ?? "info",
    serviceMonitor: options.serviceMonitor ?? true,
  };
}
