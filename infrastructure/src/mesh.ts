import { type ClusterMeshOptions, meshPeer } from "@k8s-ops/cilium";
import type { SecretStoreRef } from "@k8s-ops/core";
import { parseCidr } from "cidr-tools";
import { CLUSTERS, type ClusterName } from "./settings.js";

/** Each cluster's clustermesh-apiserver LoadBalancer IP: the first usable address of its LB range. */
export const MESH_API_SERVER: Readonly<Record<ClusterName, string>> = {
  infra: "10.25.11.65",
  apps: "10.25.11.97",
};

/** The 1Password item with the CA every meshed cluster shares. */
export const MESH_CA_ITEM = "cilium-clustermesh-ca";

/** The smallest IPv4 range holding all the given ranges. */
export function coveringCidr(cidrs: readonly string[]): string {
  const parsed = cidrs.map((cidr) => parseCidr(cidr));
  const [start] = parsed.map((p) => p.start).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  const [end] = parsed.map((p) => p.end).sort((a, b) => (a > b ? -1 : a < b ? 1 : 0));
  if (start === undefined || end === undefined) throw new Error("coveringCidr needs at least one range");
  let prefix = 32;
  while (prefix > 0 && start >> BigInt(32 - prefix) !== end >> BigInt(32 - prefix)) prefix -= 1;
  const network = (start >> BigInt(32 - prefix)) << BigInt(32 - prefix);
  const octets = [24n, 16n, 8n, 0n].map((shift) => String((network >> shift) & 255n));
  return `${octets.join(".")}/${prefix}`;
}

/** With native routing across the mesh, every cluster routes every cluster's pod range natively. */
export const MESH_NATIVE_ROUTING_CIDR = coveringCidr(Object.values(CLUSTERS).map((s) => s.network.podCidr));

/** ClusterMesh for `self`: every other cluster as a peer, taken from its settings, so both sides agree. */
export function meshOf(self: ClusterName, store: SecretStoreRef): ClusterMeshOptions {
  const peers = (Object.keys(CLUSTERS) as ClusterName[])
    .filter((name) => name !== self)
    .map((name) => meshPeer(CLUSTERS[name], MESH_API_SERVER[name]));
  return { apiServerIp: MESH_API_SERVER[self], ca: { store, item: MESH_CA_ITEM }, peers };
}
