import type { GatewayRef } from "@k8s-ops/core";

/** A Prometheus-compatible query API: vmselect's `…/select/<tenant>/prometheus`, as victoria-metrics exports it. */
export interface MetricsQueryEndpoint {
  /** Base URL the Prometheus HTTP API (`/api/v1/query`) is under. */
  readonly url: string;
}

/** A badge colour for values from `min` to `max`. */
export interface BadgeColor {
  readonly color: string;
  readonly min: number;
  readonly max: number;
}

/** One badge: served at `/<name>`, its value the query's result (or one of its labels). */
export interface KromgoMetric {
  /** The badge's path, `/<name>`: lowercase letters, digits and `_`. */
  readonly name: string;
  /** A PromQL / MetricsQL query returning one series. */
  readonly query: string;
  /** Show this label of the series instead of its value. @default the value */
  readonly label?: string;
  /** The badge's title. @default the name */
  readonly title?: string;
  /** Appended to the value, e.g. `%`. @default none */
  readonly suffix?: string;
  /** Colours by value. @default kromgo's default colour */
  readonly colors?: readonly BadgeColor[];
}

export interface KromgoOptions {
  /** Where the queries run: the hub's vmselect (Prometheus-compatible). */
  readonly metrics: MetricsQueryEndpoint;
  /** The gateway the badges are served on (envoy-gateway's `gateways.external`: badges are public). */
  readonly gateway: GatewayRef;
  /** Host name of the badges. @default "kromgo.${SECRET_DOMAIN}" */
  readonly hostname?: string;
  /** Namespace of the release. @default "observability" */
  readonly namespace?: string;
  /** The badges. @default `DEFAULT_BADGES`: Talos and Kubernetes versions, nodes, pods, CPU, memory, age, uptime, alerts */
  readonly badges?: readonly KromgoMetric[];
}

export interface ResolvedKromgoOptions extends Required<KromgoOptions> {}

const green = (max = 9999): BadgeColor => ({ color: "green", min: 0, max });
const traffic = (greenMax: number, orangeMax: number): BadgeColor[] => [
  green(greenMax),
  { color: "orange", min: greenMax + 1, max: orangeMax },
  { color: "red", min: orangeMax + 1, max: 9999 },
];

/**
 * Badges for the cluster the metrics come from, each on a series its agent collects: node-exporter (`node_*`) and
 * kube-state-metrics (`kube_*`), which victoria-metrics' agent deploys, the API server (`kubernetes_build_info`,
 * job `apiserver`, `service="kubernetes"`) and VMAlert (`ALERTS`, filed in the cluster's tenant).
 */
export const DEFAULT_BADGES: readonly KromgoMetric[] = [
  {
    name: "talos_version",
    query: 'label_replace(node_os_info{name="Talos"}, "version_id", "$1", "version_id", "v(.+)")',
    label: "version_id",
    title: "Talos",
  },
  {
    name: "kubernetes_version",
    query:
      'label_replace(kubernetes_build_info{service="kubernetes"}, "git_version", "$1", "git_version", "v(.+)")',
    label: "git_version",
    title: "Kubernetes",
  },
  {
    name: "cluster_node_count",
    query: 'count(count by (node) (kube_node_status_condition{condition="Ready"}))',
    title: "Nodes",
    colors: [green()],
  },
  {
    name: "cluster_pod_count",
    query: 'sum(kube_pod_status_phase{phase="Running"})',
    title: "Pods",
    colors: [green()],
  },
  {
    name: "cluster_cpu_usage",
    query: 'round(100 * (1 - avg(rate(node_cpu_seconds_total{mode="idle"}[5m]))), 0.1)',
    title: "CPU",
    suffix: "%",
    colors: traffic(35, 75),
  },
  {
    name: "cluster_memory_usage",
    query: "round(100 * (1 - sum(node_memory_MemAvailable_bytes) / sum(node_memory_MemTotal_bytes)), 0.1)",
    title: "Memory",
    suffix: "%",
    colors: traffic(35, 75),
  },
  {
    name: "cluster_age_days",
    query: "round((time() - min(kube_node_created)) / 86400)",
    title: "Age",
    suffix: "d",
    colors: traffic(180, 360),
  },
  {
    name: "cluster_uptime_days",
    query: "round(avg(node_time_seconds - node_boot_time_seconds) / 86400)",
    title: "Uptime",
    suffix: "d",
    colors: traffic(180, 360),
  },
  {
    name: "cluster_alert_count",
    query: 'count(ALERTS{alertstate="firing", alertname!="Watchdog"}) or vector(0)',
    title: "Alerts",
    colors: [
      { color: "green", min: 0, max: 0 },
      { color: "red", min: 1, max: 9999 },
    ],
  },
];

export function resolveOptions(options: KromgoOptions): ResolvedKromgoOptions {
  return {
    metrics: options.metrics,
    gateway: options.gateway,
    hostname: options.hostname ?? "kromgo.${SECRET_DOMAIN}",
    namespace: options.namespace ?? "observability",
    badges: options.badges ?? DEFAULT_BADGES,
  };
}
