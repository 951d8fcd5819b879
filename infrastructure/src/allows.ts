import {
  DEFAULT_EGRESS,
  type EgressTarget,
  type EntityPorts,
  type IngressSource,
  type NetworkPolicies,
  type NetworkPoliciesOptions,
  networkPolicies,
  type Port,
} from "@k8s-ops/network-policies";
import { MON_PORTS } from "@k8s-ops/rook-ceph";
import { INFRA_HUB } from "./hub.js";
import { CLUSTERS, type ClusterName } from "./settings.js";
import { INFRA_ROOK } from "./storage.js";

/** Ceph's messenger ports: the mons' (msgr2, msgr1), and the range the OSDs, MDS and mgrs bind in. */
export const CEPH_PORTS: readonly Port[] = [MON_PORTS.msgr2, MON_PORTS.msgr1, { port: 6800, endPort: 7300 }];

/** RGW's port (rook-ceph's object store gateway), which listens on the storage nodes' host network. */
export const RGW_PORT = 80;

/** rook-ceph's namespace on infra, which consumers import into as well (rook-ceph's default). */
export const CEPH_NAMESPACE = "rook-ceph";

/** HTTPS to anywhere outside the cluster: SaaS APIs, downloads, checks of public URLs. */
export const WORLD_HTTPS: EntityPorts = { entity: "world", ports: [443] };

/** S3 clients of infra's RGW through its in-cluster Service, whose endpoints are the storage nodes. */
export const RGW_EGRESS: EntityPorts = { entity: "nodes", ports: [RGW_PORT] };

/** One address as the network a policy names it by. */
function hostCidr(address: string): string {
  return `${address}/32`;
}

/**
 * Ceph's daemons use host networking. On infra, Rook and the CSI pods reach them (and RGW's admin API) on the nodes;
 * elsewhere they reach infra's nodes, known to Cilium as `remote-node` while the mesh is up and by address otherwise.
 */
function cephEgress(cluster: ClusterName): EgressTarget[] {
  if (cluster === INFRA_ROOK.settings.name) return [{ entity: "nodes", ports: [...CEPH_PORTS, RGW_PORT] }];
  const providerNodes = INFRA_ROOK.settings.nodes.map((node) => hostCidr(node.address));
  return [
    { entity: "nodes", ports: CEPH_PORTS },
    { cidrs: providerNodes, ports: CEPH_PORTS },
  ];
}

/**
 * Outside the hub's cluster, VMAgent remote-writes to the hub's LoadBalancer address, which Cilium knows as no node
 * or endpoint (Fluent Bit, on the host network, needs no allow).
 */
function hubEgress(cluster: ClusterName): Record<string, EgressTarget[]> {
  if (cluster === INFRA_HUB.cluster) return {};
  const { address, port } = INFRA_HUB.metrics;
  return { [INFRA_HUB.namespace]: [{ cidrs: [hostCidr(address)], ports: [port] }] };
}

/** The egress a cluster needs towards infra: its Ceph clients to Ceph's daemons, its VMAgent to the hub. */
export function crossClusterEgress(cluster: ClusterName): Record<string, EgressTarget[]> {
  return { [CEPH_NAMESPACE]: cephEgress(cluster), ...hubEgress(cluster) };
}

/**
 * The ingress the hub's cluster needs from the others: their VMAgents (masqueraded to their nodes' addresses) and
 * Fluent Bits (on their nodes' host network) write to VMAuth and VictoriaLogs. While the mesh is up those nodes are
 * `remote-node`, which the baseline lets in; this lets them in by address when it is not.
 */
export function crossClusterIngress(cluster: ClusterName): Record<string, IngressSource[]> {
  if (cluster !== INFRA_HUB.cluster) return {};
  const spokes = Object.values(CLUSTERS).filter((settings) => settings.name !== INFRA_HUB.cluster);
  const cidrs = spokes.flatMap((settings) => settings.nodes.map((node) => hostCidr(node.address)));
  if (cidrs.length === 0) return {};
  return { [INFRA_HUB.namespace]: [{ cidrs, ports: [INFRA_HUB.metrics.port, INFRA_HUB.logs.port] }] };
}

/** Allows by namespace, every map's entries for a namespace one after the other. */
export function mergeAllows<T>(
  ...maps: readonly Readonly<Record<string, readonly T[]>>[]
): Record<string, T[]> {
  const merged: Record<string, T[]> = {};
  for (const map of maps) {
    for (const [namespace, entries] of Object.entries(map)) {
      merged[namespace] = [...(merged[namespace] ?? []), ...entries];
    }
  }
  return merged;
}

/** The database operators reach their instances in every namespace. */
const OPERATOR_EGRESS: Readonly<Record<string, readonly EgressTarget[]>> = {
  "cnpg-system": ["cluster"],
  "dragonfly-system": ["cluster"],
};

/**
 * The network policies of a cluster: the baseline's default egress, the database operators', what the clusters need
 * of each other, and the cluster's own allows, each added to the others.
 */
export function platformPolicies(
  cluster: ClusterName,
  own: Pick<NetworkPoliciesOptions, "egress" | "ingress">,
): NetworkPolicies {
  return networkPolicies({
    egress: mergeAllows(DEFAULT_EGRESS, OPERATOR_EGRESS, crossClusterEgress(cluster), own.egress ?? {}),
    ingress: mergeAllows(crossClusterIngress(cluster), own.ingress ?? {}),
  });
}
