import type { AppRef, ClusterSettings, GatewayRef, SecretStoreRef } from "@k8s-ops/core";
import type { RookExport } from "./export.js";

/** A storage node: where Rook runs a mon (and possibly a mgr) and turns the listed devices into OSDs. */
export interface CephNode {
  /** The node's name: its `kubernetes.io/hostname` label, as the cluster settings list it. */
  readonly name: string;
  /**
   * The OSD devices, by stable path (`/dev/disk/by-id/nvme-…`, what `cephNodes()` of `@k8s-ops/talos` gives) or by
   * kernel name (`nvme1n1`).
   */
  readonly devices: readonly string[];
}

/** A Ceph endpoint (the dashboard, RGW's S3 API) behind a gateway's HTTPS listener. */
export interface DashboardRoute {
  /** The gateway to attach to, from the envoy-gateway component's `gateways` (e.g. `gateways.internal`). */
  readonly gateway: GatewayRef;
  /** The host name routed to it; may contain a `${VAR}`, e.g. `ceph.${SECRET_DOMAIN}`. */
  readonly hostname: string;
}

export interface RookCephOptions {
  /** The cluster Ceph runs in: its name and its nodes' addresses (the mons listen on them, host networking). */
  readonly settings: ClusterSettings;
  /** The storage nodes (at least three, one mon each) and their OSD devices. */
  readonly nodes: readonly CephNode[];
  /** Namespace of the operator, the CSI drivers and the CephCluster (the StorageClasses' `clusterID`). @default "rook-ceph" */
  readonly namespace?: string;
  /** The CephBlockPool behind StorageClass `ceph-block`. @default "ceph-blockpool" */
  readonly blockPool?: string;
  /** The CephFilesystem behind StorageClass `ceph-filesystem`. @default "ceph-filesystem" */
  readonly filesystem?: string;
  /** The CephObjectStore (RGW) behind bucket StorageClass `ceph-bucket`. @default "ceph-objectstore" */
  readonly objectStore?: string;
  /** Copies of every object, one per node (failure domain `host`). @default 3 */
  readonly replicas?: number;
  /**
   * Mons accept msgr2 (port 3300) only, and every client mounts with `ms_mode=prefer-crc`. @default false (the mons
   * also serve msgr1 on 6789, the port the export gives consumers)
   */
  readonly requireMsgr2?: boolean;
  /** Route the dashboard through a gateway; the cluster stage then waits for that gateway. @default none */
  readonly dashboard?: DashboardRoute;
  /**
   * Route RGW's S3 API through a gateway, so that other clusters reach the object store at `https://<hostname>`
   * (the export's endpoint); the cluster stage then waits for that gateway. @default none
   */
  readonly s3?: DashboardRoute;
  /**
   * The snapshot API, `snapshotController().snapshotApi`: the cluster chart creates the VolumeSnapshotClasses, so its
   * stage depends on the app installing their CRD. @default none (the CRDs are served otherwise)
   */
  readonly snapshotApi?: AppRef;
  /**
   * The 1Password item a consumer cluster reads the connection secrets from: the variables
   * `create-external-cluster-resources.py` prints, one field each. @default "rook-ceph-external"
   */
  readonly connectionItem?: string;
  /**
   * The S3 endpoint other clusters reach RGW at. @default `https://<s3.hostname>` with `s3`, else the in-cluster URL
   * of the RGW Service (`http://rook-ceph-rgw-<objectStore>.<namespace>.svc.cluster.local:80`)
   */
  readonly rgwEndpoint?: string;
}

/** Options with every default applied. */
export interface ResolvedRookCephOptions
  extends Required<Omit<RookCephOptions, "dashboard" | "s3" | "snapshotApi">> {
  readonly dashboard?: DashboardRoute;
  readonly s3?: DashboardRoute;
  readonly snapshotApi?: AppRef;
}

/** Port of the RGW Service and of the gateways' pods. */
export const RGW_PORT = 80;

export function resolveOptions(options: RookCephOptions): ResolvedRookCephOptions {
  const namespace = options.namespace ?? "rook-ceph";
  const objectStore = options.objectStore ?? "ceph-objectstore";
  return {
    settings: options.settings,
    nodes: options.nodes,
    namespace,
    blockPool: options.blockPool ?? "ceph-blockpool",
    filesystem: options.filesystem ?? "ceph-filesystem",
    objectStore,
    replicas: options.replicas ?? 3,
    requireMsgr2: options.requireMsgr2 ?? false,
    dashboard: options.dashboard,
    s3: options.s3,
    snapshotApi: options.snapshotApi,
    connectionItem: options.connectionItem ?? "rook-ceph-external",
    rgwEndpoint:
      options.rgwEndpoint ??
      (options.s3
        ? `https://${options.s3.hostname}`
        : `http://rook-ceph-rgw-${objectStore}.${namespace}.svc.cluster.local:${RGW_PORT}`),
  };
}

export interface RookCephExternalOptions {
  /** What the provider cluster exports (`rookCeph(…).external`): pools, filesystem, mons, namespace, item. */
  readonly source: RookExport;
  /** The store the connection secrets are read from: the external-secrets component's `secretStore`. */
  readonly store: SecretStoreRef;
  /** Make `ceph-block` the cluster's default StorageClass. @default true */
  readonly defaultStorageClass?: boolean;
  /** The snapshot API, `snapshotController().snapshotApi`, as for `rookCeph`. @default none */
  readonly snapshotApi?: AppRef;
}

export interface ResolvedRookCephExternalOptions
  extends Required<Omit<RookCephExternalOptions, "snapshotApi">> {
  readonly snapshotApi?: AppRef;
  /** Namespace of the operator and the external CephCluster: the provider's, so `clusterID`s agree. */
  readonly namespace: string;
}

export function resolveExternalOptions(options: RookCephExternalOptions): ResolvedRookCephExternalOptions {
  return {
    source: options.source,
    store: options.store,
    defaultStorageClass: options.defaultStorageClass ?? true,
    snapshotApi: options.snapshotApi,
    namespace: options.source.namespace,
  };
}
