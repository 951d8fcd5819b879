import type { App, ClusterSettings, ServiceEndpoint } from "@k8s-ops/core";
import { OptionError, reference } from "@k8s-ops/core";

/**
 * A service of the hub: VMAuth's Service (a reference, so an app that uses it depends on the app serving it) and the
 * LoadBalancer address other clusters reach it at, and the VMCluster component the hub's own cluster reaches
 * directly, without VMAuth.
 */
export interface HubEndpoint {
  /** VMAuth's Service, which other clusters reach at `url` with their writer's credentials. */
  readonly service: ServiceEndpoint;
  /** LoadBalancer IP of VMAuth's Service, from the hub cluster's LB IPAM range. */
  readonly address: string;
  /** The VMCluster component's Service (vminsert, vmselect) the hub's own cluster uses, past VMAuth. */
  readonly local: ServiceEndpoint;
  /** Base URL inside the hub's cluster: `http://<local host>:<local port>`. */
  readonly inClusterUrl: string;
  /** Base URL from other clusters: `http://<address>:<port>`, VMAuth. */
  readonly url: string;
}

/**
 * A cluster that writes to the hub from outside it, through VMAuth: its tenant (the cluster id), the VMUser's
 * username, and the 1Password item (field `password`) both the hub's and the cluster's vault hold.
 */
export interface HubWriter {
  readonly cluster: string;
  readonly tenant: number;
  readonly username: string;
  readonly item: string;
}

/**
 * What the hub cluster exports for the clusters that write to it: VMAuth in front of the VMCluster, which lets each
 * writer write to `/insert/<its tenant>/…` only. A tenant is a cluster id.
 */
export interface MetricsHub {
  /** Name of the cluster that runs the hub. */
  readonly cluster: string;
  /** Where agents remote-write: `<base>/insert/<tenant>/prometheus/api/v1/write`. */
  readonly remoteWrite: HubEndpoint;
  /** Where Grafana and other readers of the hub's cluster query: `<base>/select/<tenant>/prometheus`. */
  readonly query: HubEndpoint;
  /** The clusters VMAuth takes writes from, one VMUser each. */
  readonly writers: readonly HubWriter[];
}

/** A Service of an app of the hub's cluster; its reference names that cluster, so others cannot depend on it. */
export function hubService(app: App, cluster: string, name: string, port: number): ServiceEndpoint {
  const ref = reference("Service", app, name, app.namespace);
  return {
    ...ref,
    provider: { ...ref.provider, cluster },
    namespace: app.namespace,
    port,
    host: `${name}.${app.namespace}.svc.cluster.local`,
  };
}

/** An endpoint of the hub: VMAuth (`gateway`) at `address` for other clusters, `local` for the hub's own. */
export function hubEndpoint(gateway: ServiceEndpoint, address: string, local: ServiceEndpoint): HubEndpoint {
  return {
    service: gateway,
    address,
    local,
    inClusterUrl: `http://${local.host}:${local.port}`,
    url: `http://${address}:${gateway.port}`,
  };
}

/** The base URL a cluster reaches the endpoint at: the component in the hub's own cluster, VMAuth elsewhere. */
export function baseUrl(endpoint: HubEndpoint, hubCluster: string, from: ClusterSettings): string {
  return from.name === hubCluster ? endpoint.inClusterUrl : endpoint.url;
}

/** The remote-write URL of a cluster: its own tenant, the cluster id (CLUSTER_ID). */
export function remoteWriteUrl(hub: MetricsHub, from: ClusterSettings): string {
  return `${baseUrl(hub.remoteWrite, hub.cluster, from)}/insert/${from.id}/prometheus/api/v1/write`;
}

/**
 * The Prometheus query URL (a Grafana datasource) for one tenant, or for all of them (`multitenant`: series carry
 * `vm_account_id`), in the hub's cluster: VMAuth lets other clusters write, not read. @default the tenant of `from`
 */
export function queryUrl(
  hub: MetricsHub,
  from: ClusterSettings,
  tenant: number | "multitenant" = from.id,
): string {
  if (from.name !== hub.cluster) {
    throw new OptionError({
      path: "queryUrl: from",
      message: "VMAuth takes the other clusters' writes only: the hub is read in its own cluster",
      expected: `the hub's cluster (${hub.cluster})`,
      found: from.name,
    });
  }
  return `${hub.query.inClusterUrl}/select/${tenant}/prometheus`;
}
