import type { Component } from "@k8s-ops/core";
import { packageOf } from "@k8s-ops/core";
import type { ICephCluster } from "@k8s-ops/crds/ceph.rook.io/v1";
import { StorageClass } from "kubernetes-models/storage.k8s.io/v1/StorageClass";
import { CEPH_IMAGE, csiDriversApp, driverName, operatorApp } from "./charts.js";
import { checkExternalOptions } from "./checks.js";
import {
  cephfsParameters,
  type ExternalStorageClasses,
  type RookSnapshotClasses,
  rbdParameters,
  SNAPSHOT_CLASSES,
  STORAGE_CLASSES,
  snapshotClassValues,
} from "./classes.js";
import { importStage } from "./import.js";
import {
  type ResolvedRookCephExternalOptions,
  type RookCephExternalOptions,
  resolveExternalOptions,
} from "./options.js";
import { clusterStage, providedRef, stageUses } from "./stage.js";

/** Named on every object this package renders into a cluster. */
const SOURCE = packageOf(import.meta.url);

export interface RookCephExternal extends Component {
  /** `ceph-block` and `ceph-filesystem`, provisioning from the provider's pool and filesystem. */
  readonly storageClasses: ExternalStorageClasses;
  /** `csi-ceph-blockpool` and `csi-ceph-filesystem`. */
  readonly snapshotClasses: RookSnapshotClasses;
}

/**
 * Rook in external-cluster mode: the operator, the Ceph-CSI drivers, an import stage with the connection Secrets (from
 * the secret store) and the mon endpoints (from the export), and the `rook-ceph-cluster` chart with an external
 * CephCluster, the snapshot classes and the StorageClasses on the provider's pool and filesystem.
 */
export function rookCephExternal(options: RookCephExternalOptions): RookCephExternal {
  const o = resolveExternalOptions(options);
  checkExternalOptions(o);
  const operator = operatorApp(o.namespace);
  const drivers = csiDriversApp(o.namespace, operator);
  const imports = importStage(o);
  const cluster = clusterStage({
    namespace: o.namespace,
    values: externalValues(o),
    uses: stageUses(operator, drivers, imports, o.snapshotApi),
    objects: storageClasses(o),
  });
  return {
    name: "rook-ceph",
    apps: [operator, drivers, imports, cluster],
    source: SOURCE,
    storageClasses: {
      block: providedRef("StorageClass", cluster, STORAGE_CLASSES.block, undefined),
      filesystem: providedRef("StorageClass", cluster, STORAGE_CLASSES.filesystem, undefined),
    },
    snapshotClasses: {
      block: providedRef("VolumeSnapshotClass", cluster, SNAPSHOT_CLASSES.block, undefined),
      filesystem: providedRef("VolumeSnapshotClass", cluster, SNAPSHOT_CLASSES.filesystem, undefined),
    },
  };
}

/** The chart's `values-external.yaml` shape: an external CephCluster, no pools, filesystems or object stores. */
export function externalValues(o: ResolvedRookCephExternalOptions): Record<string, unknown> {
  const cephClusterSpec: ICephCluster["spec"] = {
    crashCollector: { disable: true },
    external: { enable: true },
    healthCheck: { daemonHealth: { mon: { disabled: false, interval: "45s" } } },
  };
  return {
    cephBlockPools: [],
    cephClusterSpec,
    cephFileSystems: [],
    cephImage: { ...CEPH_IMAGE, allowUnsupported: false },
    cephObjectStores: [],
    ...snapshotClassValues(),
    monitoring: { enabled: false },
    operatorNamespace: o.namespace,
    toolbox: { enabled: false },
  };
}

/** The StorageClasses the import script would create, on the pool and filesystem the provider exports. */
export function storageClasses(o: ResolvedRookCephExternalOptions): StorageClass[] {
  const { source, namespace } = o;
  const common = {
    allowVolumeExpansion: true,
    reclaimPolicy: "Delete",
    volumeBindingMode: "Immediate",
  } as const;
  const isDefault = (value: boolean) => ({ "storageclass.kubernetes.io/is-default-class": String(value) });
  return [
    new StorageClass({
      metadata: { name: STORAGE_CLASSES.block, annotations: isDefault(o.defaultStorageClass) },
      provisioner: driverName(namespace, "rbd"),
      parameters: {
        clusterID: namespace,
        pool: source.blockPool,
        ...rbdParameters(namespace, source.requireMsgr2),
      },
      ...common,
    }),
    new StorageClass({
      metadata: { name: STORAGE_CLASSES.filesystem, annotations: isDefault(false) },
      provisioner: driverName(namespace, "cephfs"),
      parameters: {
        clusterID: namespace,
        fsName: source.filesystem.name,
        pool: source.filesystem.dataPool,
        ...cephfsParameters(namespace, source.requireMsgr2),
      },
      ...common,
    }),
  ];
}
