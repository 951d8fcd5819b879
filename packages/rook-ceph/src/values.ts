import type {
  ICephBlockPool,
  ICephCluster,
  ICephFilesystem,
  ICephObjectStore,
} from "@k8s-ops/crds/ceph.rook.io/v1";
import { CEPH_IMAGE } from "./charts.js";
import { cephfsParameters, rbdParameters, STORAGE_CLASSES, snapshotClassValues } from "./classes.js";
import { FILESYSTEM_DATA_POOL } from "./export.js";
import { type DashboardRoute, type ResolvedRookCephOptions, RGW_PORT } from "./options.js";

/** Port of the dashboard without TLS (the gateway terminates TLS). */
export const DASHBOARD_PORT = 7000;

/** Scheduling onto the storage nodes only (their `kubernetes.io/hostname`). */
function onNodes(names: readonly string[]) {
  const term = { matchExpressions: [{ key: "kubernetes.io/hostname", operator: "In", values: [...names] }] };
  return { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: [term] } } };
}

/** The CephCluster: host networking, 3 mons and 2 mgrs on distinct storage nodes, OSDs on the listed devices. */
export function clusterSpec(o: ResolvedRookCephOptions): ICephCluster["spec"] {
  const names = o.nodes.map((node) => node.name);
  return {
    crashCollector: { disable: false },
    dashboard: { enabled: true, ssl: false },
    dataDirHostPath: "/var/lib/rook",
    mgr: { allowMultiplePerNode: false, count: 2, modules: [{ enabled: true, name: "pg_autoscaler" }] },
    mon: { allowMultiplePerNode: false, count: 3 },
    network: { connections: { requireMsgr2: o.requireMsgr2 }, provider: "host" },
    placement: { mgr: onNodes(names), mon: onNodes(names) },
    storage: {
      nodes: o.nodes.map((node) => ({ devices: node.devices.map((name) => ({ name })), name: node.name })),
      useAllDevices: false,
      useAllNodes: false,
    },
  };
}

function replicated(o: ResolvedRookCephOptions) {
  return { failureDomain: "host", replicated: { size: o.replicas } };
}

function blockPool(o: ResolvedRookCephOptions) {
  const spec: ICephBlockPool["spec"] = replicated(o);
  return {
    name: o.blockPool,
    spec,
    storageClass: {
      allowVolumeExpansion: true,
      enabled: true,
      isDefault: true,
      name: STORAGE_CLASSES.block,
      parameters: rbdParameters(o.namespace, o.requireMsgr2),
      reclaimPolicy: "Delete",
      volumeBindingMode: "Immediate",
    },
  };
}

function filesystem(o: ResolvedRookCephOptions) {
  const spec: ICephFilesystem["spec"] = {
    dataPools: [{ name: FILESYSTEM_DATA_POOL, ...replicated(o) }],
    metadataPool: replicated(o),
    metadataServer: { activeCount: 1, activeStandby: true, priorityClassName: "system-cluster-critical" },
    preserveFilesystemOnDelete: true,
  };
  return {
    name: o.filesystem,
    spec,
    storageClass: {
      allowVolumeExpansion: true,
      enabled: true,
      isDefault: false,
      name: STORAGE_CLASSES.filesystem,
      parameters: cephfsParameters(o.namespace, o.requireMsgr2),
      pool: FILESYSTEM_DATA_POOL,
      reclaimPolicy: "Delete",
      volumeBindingMode: "Immediate",
    },
  };
}

function objectStore(o: ResolvedRookCephOptions) {
  const spec: ICephObjectStore["spec"] = {
    dataPool: replicated(o),
    gateway: { instances: 2, port: RGW_PORT, priorityClassName: "system-cluster-critical" },
    metadataPool: replicated(o),
    preservePoolsOnDelete: true,
  };
  return {
    name: o.objectStore,
    ...(o.s3 ? { route: { enabled: true, ...gatewayRoute(o.s3) } } : {}),
    spec,
    storageClass: {
      enabled: true,
      name: STORAGE_CLASSES.bucket,
      parameters: { region: "us-east-1" },
      reclaimPolicy: "Delete",
      volumeBindingMode: "Immediate",
    },
  };
}

/** One of the chart's HTTPRoutes (dashboard, object store), on the gateway's HTTPS listener. */
function gatewayRoute(route: DashboardRoute) {
  const { gateway } = route;
  return {
    host: { name: route.hostname, path: "/", pathType: "PathPrefix" },
    parentRefs: [
      {
        group: "gateway.networking.k8s.io",
        kind: "Gateway",
        name: gateway.name,
        namespace: gateway.namespace,
        sectionName: "https",
      },
    ],
  };
}

/** Values of the `rook-ceph-cluster` chart on the provider: the cluster, one pool of each kind, their classes. */
export function clusterValues(o: ResolvedRookCephOptions): Record<string, unknown> {
  return {
    cephBlockPools: [blockPool(o)],
    cephClusterSpec: clusterSpec(o),
    cephFileSystems: [filesystem(o)],
    cephImage: { ...CEPH_IMAGE, allowUnsupported: false },
    cephObjectStores: [objectStore(o)],
    ...snapshotClassValues(),
    monitoring: { enabled: false },
    operatorNamespace: o.namespace,
    ...(o.dashboard ? { route: { dashboard: gatewayRoute(o.dashboard) } } : {}),
    toolbox: { enabled: true },
  };
}
