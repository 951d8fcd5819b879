import type { Component, ServiceEndpoint } from "@k8s-ops/core";
import { packageOf } from "@k8s-ops/core";
import { csiDriversApp, operatorApp } from "./charts.js";
import { checkOptions } from "./checks.js";
import {
  type RookSnapshotClasses,
  type RookStorageClasses,
  SNAPSHOT_CLASSES,
  STORAGE_CLASSES,
} from "./classes.js";
import { type RookExport, rookExportOf } from "./export.js";
import { RGW_PORT, type RookCephOptions, resolveOptions } from "./options.js";
import { clusterStage, providedRef, serviceEndpoint, stageUses } from "./stage.js";
import { clusterValues, DASHBOARD_PORT } from "./values.js";

/** Named on every object this package renders into a cluster. */
const SOURCE = packageOf(import.meta.url);

export interface RookCeph extends Component {
  /** `ceph-block` (RBD, the default class), `ceph-filesystem` (CephFS) and `ceph-bucket` (RGW buckets). */
  readonly storageClasses: RookStorageClasses;
  /** `csi-ceph-blockpool` and `csi-ceph-filesystem`. */
  readonly snapshotClasses: RookSnapshotClasses;
  /** The dashboard (plain HTTP) and the RGW S3 endpoint, in the cluster's namespace. */
  readonly services: { readonly dashboard: ServiceEndpoint; readonly rgw: ServiceEndpoint };
  /** What a consumer cluster takes to use this Ceph cluster: `rookCephExternal({ source: rook.external, … })`. */
  readonly external: RookExport;
}

/**
 * Rook-Ceph as the storage provider: the operator with its CRDs, the Ceph-CSI drivers, and the `rook-ceph-cluster`
 * chart as a stage defining the CephCluster (host networking, the listed OSD devices), one block pool, filesystem and
 * object store, their StorageClasses and the snapshot classes. Nothing of it is ever pruned.
 */
export function rookCeph(options: RookCephOptions): RookCeph {
  const o = resolveOptions(options);
  checkOptions(o);
  const operator = operatorApp(o.namespace);
  const drivers = csiDriversApp(o.namespace, operator);
  const cluster = clusterStage({
    namespace: o.namespace,
    values: clusterValues(o),
    uses: stageUses(operator, drivers, o.snapshotApi, o.dashboard?.gateway, o.s3?.gateway),
  });
  const here = o.settings.name;
  return {
    name: "rook-ceph",
    apps: [operator, drivers, cluster],
    source: SOURCE,
    storageClasses: {
      block: providedRef("StorageClass", cluster, STORAGE_CLASSES.block, here),
      filesystem: providedRef("StorageClass", cluster, STORAGE_CLASSES.filesystem, here),
      bucket: providedRef("StorageClass", cluster, STORAGE_CLASSES.bucket, here),
    },
    snapshotClasses: {
      block: providedRef("VolumeSnapshotClass", cluster, SNAPSHOT_CLASSES.block, here),
      filesystem: providedRef("VolumeSnapshotClass", cluster, SNAPSHOT_CLASSES.filesystem, here),
    },
    services: {
      dashboard: serviceEndpoint(cluster, "rook-ceph-mgr-dashboard", DASHBOARD_PORT, here),
      rgw: serviceEndpoint(cluster, `rook-ceph-rgw-${o.objectStore}`, RGW_PORT, here),
    },
    external: rookExportOf(o),
  };
}

/**
 * The export `rookCeph(options).external` gives, without building the component: for a consumer cluster's package
 * that shares the provider's options (e.g. from `infrastructure/`) but not its component.
 */
export function rookCephExport(options: RookCephOptions): RookExport {
  const o = resolveOptions(options);
  checkOptions(o);
  return rookExportOf(o);
}
