import type { StorageClassRef, VolumeSnapshotClassRef } from "@k8s-ops/core";

/** The StorageClasses Rook provides, by what they store. */
export const STORAGE_CLASSES = {
  block: "ceph-block",
  filesystem: "ceph-filesystem",
  bucket: "ceph-bucket",
} as const;

/** The VolumeSnapshotClasses of the RBD and CephFS drivers. */
export const SNAPSHOT_CLASSES = {
  block: "csi-ceph-blockpool",
  filesystem: "csi-ceph-filesystem",
} as const;

/** The StorageClasses of the provider cluster: RBD volumes, CephFS volumes and RGW buckets (ObjectBucketClaims). */
export interface RookStorageClasses {
  readonly block: StorageClassRef;
  readonly filesystem: StorageClassRef;
  readonly bucket: StorageClassRef;
}

/** The StorageClasses a consumer cluster gets from the provider's pools (buckets are reached over S3 instead). */
export type ExternalStorageClasses = Omit<RookStorageClasses, "bucket">;

export interface RookSnapshotClasses {
  readonly block: VolumeSnapshotClassRef;
  readonly filesystem: VolumeSnapshotClassRef;
}

/** The Secrets the CSI drivers authenticate with (named as Rook and its import script name them). */
export const CSI_SECRETS = {
  rbdNode: "rook-csi-rbd-node",
  rbdProvisioner: "rook-csi-rbd-provisioner",
  cephfsNode: "rook-csi-cephfs-node",
  cephfsProvisioner: "rook-csi-cephfs-provisioner",
} as const;

/** RBD image features the Talos kernels (≥ 5.4) map natively. */
export const RBD_IMAGE_FEATURES = "layering,fast-diff,object-map,deep-flatten,exclusive-lock";

/** Kernel clients talk msgr2 (with CRC) when the mons accept nothing else. */
const MSGR2_MODE = "ms_mode=prefer-crc";

function secretParameters(namespace: string, provisioner: string, node: string): Record<string, string> {
  return {
    "csi.storage.k8s.io/controller-expand-secret-name": provisioner,
    "csi.storage.k8s.io/controller-expand-secret-namespace": namespace,
    "csi.storage.k8s.io/node-stage-secret-name": node,
    "csi.storage.k8s.io/node-stage-secret-namespace": namespace,
    "csi.storage.k8s.io/provisioner-secret-name": provisioner,
    "csi.storage.k8s.io/provisioner-secret-namespace": namespace,
  };
}

/** Parameters of an RBD StorageClass besides `clusterID` and `pool`. */
export function rbdParameters(namespace: string, requireMsgr2: boolean): Record<string, string> {
  return {
    ...secretParameters(namespace, CSI_SECRETS.rbdProvisioner, CSI_SECRETS.rbdNode),
    "csi.storage.k8s.io/fstype": "ext4",
    imageFeatures: RBD_IMAGE_FEATURES,
    imageFormat: "2",
    ...(requireMsgr2 ? { mapOptions: MSGR2_MODE } : {}),
  };
}

/** Parameters of a CephFS StorageClass besides `clusterID`, `fsName` and `pool`. */
export function cephfsParameters(namespace: string, requireMsgr2: boolean): Record<string, string> {
  return {
    ...secretParameters(namespace, CSI_SECRETS.cephfsProvisioner, CSI_SECRETS.cephfsNode),
    ...(requireMsgr2 ? { kernelMountOptions: MSGR2_MODE } : {}),
  };
}

/** The chart's VolumeSnapshotClass values: one class per driver, each the default for its driver. */
export function snapshotClassValues(): Record<string, unknown> {
  const snapshotClass = (name: string) => ({
    deletionPolicy: "Delete",
    enabled: true,
    isDefault: true,
    name,
  });
  return {
    cephBlockPoolsVolumeSnapshotClass: snapshotClass(SNAPSHOT_CLASSES.block),
    cephFileSystemVolumeSnapshotClass: snapshotClass(SNAPSHOT_CLASSES.filesystem),
  };
}
