import type { ClusterSettings, SecretStoreRef, StorageClassRef } from "@k8s-ops/core";
import { type AlertingOptions, type ResolvedAlertingOptions, resolveAlerting } from "./alerting-options.js";
import type { MetricsHub } from "./endpoints.js";

/** Namespace of everything this package deploys. */
export const DEFAULT_NAMESPACE = "observability";

export interface VictoriaMetricsOperatorOptions {
  /** Namespace of the operator and of the Prometheus CRDs release. @default "observability" */
  readonly namespace?: string;
  /** Operator replicas (leader election keeps one active). @default 1 */
  readonly replicas?: number;
  /**
   * Convert Prometheus-operator ServiceMonitor, PodMonitor, PrometheusRule, Probe and ScrapeConfig objects into
   * VictoriaMetrics objects (and delete the converted ones with their source), so charts' monitors are scraped.
   * @default true
   */
  readonly prometheusConverter?: boolean;
  /** Install the Prometheus-operator CRDs (`monitoring.coreos.com`) as a CRD-layer app. @default true */
  readonly prometheusCrds?: boolean;
}

export interface ResolvedOperatorOptions extends Required<VictoriaMetricsOperatorOptions> {}

export function resolveOperatorOptions(
  options: VictoriaMetricsOperatorOptions = {},
): ResolvedOperatorOptions {
  return {
    namespace: options.namespace ?? DEFAULT_NAMESPACE,
    replicas: options.replicas ?? 1,
    prometheusConverter: options.prometheusConverter ?? true,
    prometheusCrds: options.prometheusCrds ?? true,
  };
}

/** Replicas of the hub's parts. */
export interface HubReplicas {
  /** @default 2 */
  readonly vmstorage?: number;
  /** @default 2 */
  readonly vmselect?: number;
  /** @default 2 */
  readonly vminsert?: number;
  /** @default 2 */
  readonly vmauth?: number;
}

export interface VictoriaMetricsHubOptions {
  /** The hub cluster: its name is the hub's `cluster`, its id the tenant its own data goes to, its LB range holds `address`. */
  readonly settings: ClusterSettings;
  /** Storage class of vmstorage and Alertmanager volumes: a reference the storage component exports. */
  readonly storageClass: StorageClassRef;
  /**
   * LoadBalancer IP of VMAuth (Cilium LB IPAM), inside `settings.network.loadBalancerCidr` but neither end of it
   * (LB IPAM reserves both): other clusters write here.
   */
  readonly address: string;
  /** The secret store Alertmanager's receiver credentials and the spokes' passwords are read from. */
  readonly store: SecretStoreRef;
  /**
   * The other clusters that write to the hub through VMAuth: each gets a VMUser `vmagent-<cluster>` that may write
   * to its own tenant (the cluster id) only, its password read from the item `vmauth-<cluster>` (field `password`).
   * @default [] (VMAuth lets nobody in)
   */
  readonly spokes?: readonly ClusterSettings[];
  /** Alertmanager routing and receivers. @default no receivers: alerts go to the `null` receiver */
  readonly alerting?: AlertingOptions;
  /** Name of the VMCluster, VMAuth, VMAlert and VMAlertmanager (Services `vminsert-<name>`, `vmauth-<name>`, …). @default "hub" */
  readonly name?: string;
  /** @default "observability" */
  readonly namespace?: string;
  /** How long samples are kept (`30d`, `12w`, `1y`; a bare number counts months). @default "30d" */
  readonly retention?: string;
  /** Volume size of each vmstorage replica. @default "50Gi" */
  readonly storageSize?: string;
  /** @default { vmstorage: 2, vmselect: 2, vminsert: 2, vmauth: 2 } */
  readonly replicas?: HubReplicas;
  /** Copies vminsert writes of each sample (at most the vmstorage replicas). @default 1 */
  readonly replicationFactor?: number;
  /** VMAuth's port, in the cluster and on the LoadBalancer. @default 8427 */
  readonly port?: number;
}

export interface ResolvedHubOptions
  extends Required<Omit<VictoriaMetricsHubOptions, "alerting" | "replicas">> {
  readonly alerting: ResolvedAlertingOptions;
  readonly replicas: Required<HubReplicas>;
}

export function resolveHubOptions(options: VictoriaMetricsHubOptions): ResolvedHubOptions {
  return {
    settings: options.settings,
    storageClass: options.storageClass,
    address: options.address,
    store: options.store,
    spokes: options.spokes ?? [],
    alerting: resolveAlerting(options.alerting),
    name: options.name ?? "hub",
    namespace: options.namespace ?? DEFAULT_NAMESPACE,
    retention: options.retention ?? "30d",
    storageSize: options.storageSize ?? "50Gi",
    replicas: { vmstorage: 2, vmselect: 2, vminsert: 2, vmauth: 2, ...options.replicas },
    replicationFactor: options.replicationFactor ?? 1,
    port: options.port ?? 8427,
  };
}

export interface VMAgentOptions {
  /** The cluster the agent scrapes: its name becomes the `cluster` label, its id the tenant it writes to. */
  readonly settings: ClusterSettings;
  /**
   * The hub to remote-write to: `victoriaMetricsHub(…).hub` of this cluster, or the one the hub cluster exports.
   * `undefined` (a cluster that runs no hub) is rejected.
   */
  readonly hub: MetricsHub | undefined;
  /**
   * The cluster's secret store, where a spoke's agent reads its password to the hub (the item the hub's export
   * names, `vmauth-<cluster>`). Required off the hub's cluster; the hub's own agent needs none.
   * @default none
   */
  readonly store?: SecretStoreRef;
  /** @default "observability" */
  readonly namespace?: string;
  /** @default "30s" */
  readonly scrapeInterval?: string;
  /** @default 1 */
  readonly replicas?: number;
  /** Scrape every kubelet's `/metrics` and `/metrics/cadvisor` (VMNodeScrapes). @default true */
  readonly kubelet?: boolean;
  /** Scrape the API server through the `kubernetes` Service of `default` (job `apiserver`). @default true */
  readonly apiServer?: boolean;
  /** Run node-exporter on every node (an app `node-exporter`) and scrape it. @default true */
  readonly nodeExporter?: boolean;
  /** Run kube-state-metrics (an app `kube-state-metrics`) and scrape it. @default true */
  readonly kubeStateMetrics?: boolean;
  /** Labels added to every sample besides `cluster` (which is always the cluster name). @default {} */
  readonly externalLabels?: Readonly<Record<string, string>>;
}

export interface ResolvedAgentOptions extends Required<Omit<VMAgentOptions, "hub" | "store">> {
  readonly hub: MetricsHub | undefined;
  readonly store: SecretStoreRef | undefined;
}

export function resolveAgentOptions(options: VMAgentOptions): ResolvedAgentOptions {
  return {
    settings: options.settings,
    hub: options.hub,
    store: options.store,
    namespace: options.namespace ?? DEFAULT_NAMESPACE,
    scrapeInterval: options.scrapeInterval ?? "30s",
    replicas: options.replicas ?? 1,
    kubelet: options.kubelet ?? true,
    apiServer: options.apiServer ?? true,
    nodeExporter: options.nodeExporter ?? true,
    kubeStateMetrics: options.kubeStateMetrics ?? true,
    externalLabels: options.externalLabels ?? {},
  };
}
