import type { ResolvedRookCephOptions } from "./options.js";

/** Ports a Ceph mon listens on: msgr2, and the legacy msgr1. */
export const MON_PORTS = { msgr2: 3300, msgr1: 6789 } as const;

/** One mon of the provider, as a consumer connects to it. */
export interface MonEndpoint {
  /** The mon's name in the consumer's `rook-ceph-mon-endpoints` ConfigMap: the provider node it runs on. */
  readonly name: string;
  /** The node's address (the mons use host networking, so other clusters reach them there). */
  readonly address: string;
  /** 3300 (msgr2) when the provider requires msgr2, else 6789 (msgr1). */
  readonly port: number;
}

/**
 * What a consumer cluster needs of a Ceph cluster to use it in Rook's external-cluster mode: the names of the pools
 * it provisions from, where the mons and RGW are, and which 1Password item holds the connection secrets. Consumers
 * take it as a value, so a pool renamed on the provider changes (or breaks) their render.
 */
export interface RookExport {
  /** The cluster that runs the Ceph daemons. */
  readonly cluster: string;
  /** Namespace of the provider's CephCluster; consumers import into the same one, their StorageClasses' `clusterID`. */
  readonly namespace: string;
  /** The RBD pool (a CephBlockPool). */
  readonly blockPool: string;
  /** The CephFS filesystem and the Ceph pool its files go to (`<filesystem>-data0`). */
  readonly filesystem: { readonly name: string; readonly dataPool: string };
  /** The object store (RGW) and the S3 endpoint to reach it at. */
  readonly objectStore: { readonly name: string; readonly endpoint: string };
  /** The provider's mons, one per storage node. */
  readonly monEndpoints: readonly MonEndpoint[];
  /** Whether the mons accept msgr2 only (consumers then mount with `ms_mode=prefer-crc`). */
  readonly requireMsgr2: boolean;
  /**
   * The 1Password item holding the output of `create-external-cluster-resources.py`: one field per variable
   * (`ROOK_EXTERNAL_FSID`, `ROOK_EXTERNAL_USERNAME`, `ROOK_EXTERNAL_USER_SECRET`, `CSI_RBD_NODE_SECRET_NAME`,
   * `CSI_RBD_NODE_SECRET`, and so on for the RBD provisioner and the CephFS node and provisioner).
   */
  readonly connectionItem: string;
}

/** The name of the CephFS data pool the chart creates (`dataPools[0].name`), and the Ceph pool Rook makes of it. */
export const FILESYSTEM_DATA_POOL = "data0";

export function rookExportOf(o: ResolvedRookCephOptions): RookExport {
  const addresses = new Map(o.settings.nodes.map((node) => [node.name, node.address]));
  const port = o.requireMsgr2 ? MON_PORTS.msgr2 : MON_PORTS.msgr1;
  return {
    cluster: o.settings.name,
    namespace: o.namespace,
    blockPool: o.blockPool,
    filesystem: { name: o.filesystem, dataPool: `${o.filesystem}-${FILESYSTEM_DATA_POOL}` },
    objectStore: { name: o.objectStore, endpoint: o.rgwEndpoint },
    monEndpoints: o.nodes.map((node) => ({ name: node.name, address: addresses.get(node.name) ?? "", port })),
    requireMsgr2: o.requireMsgr2,
    connectionItem: o.connectionItem,
  };
}
