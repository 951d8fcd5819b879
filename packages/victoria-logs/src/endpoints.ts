import { type App, type ClusterSettings, OptionError, reference, type ServiceEndpoint } from "@k8s-ops/core";
import { inRange } from "./checks.js";

/** The JSON-lines ingestion path of VictoriaLogs (Fluent Bit's `http` output with `format json_lines`). */
export const JSONLINE_PATH = "/insert/jsonline";

/**
 * What the logs hub cluster exports for the clusters that ship logs to it: VictoriaLogs' Service in its own
 * cluster, and its LoadBalancer address for the others. A tenant (`AccountID`) is a cluster id.
 */
export interface LogsHub {
  /** Name of the cluster that runs VictoriaLogs. */
  readonly cluster: string;
  /** The Service in the hub's cluster (a reference: an app there that uses it depends on VictoriaLogs). */
  readonly service: ServiceEndpoint;
  /** LoadBalancer IP of the Service, from the hub cluster's LB IPAM range. */
  readonly address: string;
  /** The host other clusters send to: the LoadBalancer address. */
  readonly host: string;
  readonly port: number;
  /** The JSON-lines ingestion path. */
  readonly path: string;
  /** `http://<address>:<port><path>`: the ingestion URL from other clusters. */
  readonly insertUrl: string;
  /** `http://<service host>:<port>`: the base URL in the hub's cluster (Grafana's datasource, the query API). */
  readonly inClusterUrl: string;
}

/** Where one cluster ships its logs: host, port, path and the tenant headers of its own tenant. */
export interface LogsInsert {
  /** The hub's cluster. */
  readonly cluster: string;
  /**
   * VictoriaLogs' Service in the hub's cluster: a reference the shipper carries, so an app of that cluster waits for
   * it and `k8s-ops check` fails when the hub's cluster stops running VictoriaLogs.
   */
  readonly service: ServiceEndpoint;
  readonly host: string;
  readonly port: number;
  readonly path: string;
  readonly url: string;
  /** The cluster id (CLUSTER_ID). */
  readonly tenant: number;
  /** VictoriaLogs selects the tenant from these headers. */
  readonly headers: { readonly AccountID: string; readonly ProjectID: string };
}

export function logsHubOf(app: App, cluster: string, name: string, port: number, address: string): LogsHub {
  const host = `${name}.${app.namespace}.svc.cluster.local`;
  const ref = reference("Service", app, name, app.namespace);
  const service: ServiceEndpoint = {
    ...ref,
    provider: { ...ref.provider, cluster },
    namespace: app.namespace,
    port,
    host,
  };
  const insertUrl = `http://${address}:${port}${JSONLINE_PATH}`;
  const inClusterUrl = `http://${host}:${port}`;
  return { cluster, service, address, host: address, port, path: JSONLINE_PATH, insertUrl, inClusterUrl };
}

/**
 * How a cluster reaches the logs hub: the Service on the hub's own cluster, the LoadBalancer address from any
 * other, into the cluster's own tenant. Throws an OptionError when the hub cluster exports no hub.
 */
export function logsInsert(hub: LogsHub | undefined, from: ClusterSettings): LogsInsert {
  const fail = (message: string, expected: string, found: string): never => {
    throw new OptionError({ path: "logsInsert: hub", message, expected, found });
  };
  if (hub === undefined) {
    return fail(
      "the hub cluster exports no logs hub: it runs no VictoriaLogs",
      "the hub of a cluster running victoriaLogs()",
      "undefined",
    );
  }
  const local = hub.cluster === from.name;
  if (!local && inRange(hub.address, from.network.loadBalancerCidr)) {
    fail(
      `the hub's address is in this cluster's own LoadBalancer range, not cluster ${hub.cluster}'s`,
      `an address outside ${from.network.loadBalancerCidr}`,
      hub.address,
    );
  }
  const host = local ? hub.service.host : hub.address;
  return {
    cluster: hub.cluster,
    service: hub.service,
    host,
    port: hub.port,
    path: hub.path,
    url: `http://${host}:${hub.port}${hub.path}`,
    tenant: from.id,
    headers: { AccountID: String(from.id), ProjectID: "0" },
  };
}
