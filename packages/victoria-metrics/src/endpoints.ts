import type { App, ClusterSettings, ServiceEndpoint } from "@k8s-ops/core";
import { reference } from "@k8s-ops/core";

/**
 * A service of the hub: the Service in the hub's cluster (a reference, so an app of that cluster that uses it
 * depends on the app serving it) and the LoadBalancer address other clusters reach it at.
 */
export interface HubEndpoint {
  readonly service: ServiceEndpoint;
  /** LoadBalancer IP of the Service, from the hub cluster's LB IPAM range. */
  readonly address: string;
  /** Base URL inside the hub's cluster: `http://<service host>:<port>`. */
  readonly inClusterUrl: string;
  /** Base URL from other clusters: `http://<address>:<port>`. */
  readonly url: string;
}

/**
 * What the hub cluster exports for the clusters that write to it: VMAuth in front of the VMCluster, which routes
 * `/insert/<tenant>/…` to vminsert and `/select/<tenant>/…` to vmselect. A tenant is a cluster id.
 */
export interface MetricsHub {
  /** Name of the cluster that runs the hub. */
  readonly cluster: string;
  /** Where agents remote-write: `<base>/insert/<tenant>/prometheus/api/v1/write`. */
  readonly remoteWrite: HubEndpoint;
  /** Where Grafana and other readers query: `<base>/select/<tenant>/prometheus`. */
  readonly query: HubEndpoint;
}

/** An endpoint of the hub's cluster; its reference names that cluster, so other clusters cannot depend on it. */
export function hubEndpoint(
  app: App,
  cluster: string,
  name: string,
  port: number,
  address: string,
): HubEndpoint {
  const host = `${name}.${app.namespace}.svc.cluster.local`;
  const ref = reference("Service", app, name, app.namespace);
  const service: ServiceEndpoint = {
    ...ref,
    provider: { ...ref.provider, cluster },
    namespace: app.namespace,
    port,
    host,
  };
  return { service, address, inClusterUrl: `http://${host}:${port}`, url: `http://${address}:${port}` };
}

/** The base URL a cluster reaches the endpoint at: the Service in the hub's own cluster, the LB address elsewhere. */
export function baseUrl(endpoint: HubEndpoint, hubCluster: string, from: ClusterSettings): string {
  return from.name === hubCluster ? endpoint.inClusterUrl : endpoint.url;
}

/** The remote-write URL of a cluster: its own tenant, the cluster id (CLUSTER_ID). */
export function remoteWriteUrl(hub: MetricsHub, from: ClusterSettings): string {
  return `${baseUrl(hub.remoteWrite, hub.cluster, from)}/insert/${from.id}/prometheus/api/v1/write`;
}

/**
 * The Prometheus query URL (a Grafana datasource) for one tenant, or for all of them (`multitenant`: series carry
 * `vm_account_id`). @default the tenant of `from`
 */
export function queryUrl(
  hub: MetricsHub,
  from: ClusterSettings,
  tenant: number | "multitenant" = from.id,
): string {
  return `${baseUrl(hub.query, hub.cluster, from)}/select/${tenant}/prometheus`;
}
