export {
  CEPH_CLUSTER_HEALTH,
  CEPH_CSI_DRIVERS_CHART,
  CEPH_IMAGE,
  ROOK_CEPH_CHART,
  ROOK_CEPH_CLUSTER_CHART,
  ROOK_CRDS,
} from "./charts.js";
export {
  CSI_SECRETS,
  type ExternalStorageClasses,
  type RookSnapshotClasses,
  type RookStorageClasses,
  SNAPSHOT_CLASSES,
  STORAGE_CLASSES,
} from "./classes.js";
export { MON_PORTS, type MonEndpoint, type RookExport } from "./export.js";
export { type RookCephExternal, rookCephExternal } from "./external.js";
export { MON_ENDPOINTS, MON_SECRET } from "./import.js";
export type { CephNode, DashboardRoute, RookCephExternalOptions, RookCephOptions } from "./options.js";
export { type RookCeph, rookCeph, rookCephExport } from "./rook-ceph.js";
export { CLUSTER_STAGE } from "./stage.js";
