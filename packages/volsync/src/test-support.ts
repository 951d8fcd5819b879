// Fixtures this package's tests share (not exported from index.ts).
import { appRef, type Component, defineApp, reference } from "@k8s-ops/core";
import { externalSecrets } from "@k8s-ops/external-secrets";
import { StorageClass } from "kubernetes-models/storage.k8s.io/v1/StorageClass";
import type { BackupOptions } from "./index.js";

/** The cluster's secret store (the real external-secrets component): the repository item is read from it. */
export const secrets = externalSecrets({ vault: "k8s-infra" });

/** Stands in for the snapshot-controller component: an app installing the snapshot CRDs, and its `snapshotApi`. */
const snapshotApp = defineApp({
  name: "snapshot-controller",
  namespace: "kube-system",
  layer: "controllers",
  objects: [],
  crds: ["snapshot.storage.k8s.io/*"],
  wait: true,
});
export const snapshots = {
  name: "snapshot-controller",
  apps: [snapshotApp],
  snapshotApi: appRef(snapshotApp),
};

/** Stands in for a Ceph cluster stage: it provides the block StorageClass and its VolumeSnapshotClass. */
const cephApp = defineApp({
  name: "rook-ceph-cluster",
  namespace: "rook-ceph",
  layer: "config",
  objects: [
    new StorageClass({ metadata: { name: "ceph-block" }, provisioner: "rook-ceph.rbd.csi.ceph.com" }),
  ],
});
export const ceph = {
  name: "rook-ceph",
  apps: [cephApp],
  storageClass: reference("StorageClass", cephApp, "ceph-block"),
  snapshotClass: reference("VolumeSnapshotClass", cephApp, "csi-ceph-blockpool"),
};

/** Stands in for the openebs component: node-local volumes for restic's cache. */
const openebsApp = defineApp({
  name: "openebs",
  namespace: "openebs-system",
  layer: "controllers",
  objects: [],
});
export const openebs = {
  name: "openebs",
  apps: [openebsApp],
  storageClass: reference("StorageClass", openebsApp, "openebs-hostpath"),
};

/** The providers a backup's app uses, to render beside it. */
export const providers: readonly Component[] = [secrets, snapshots, ceph, openebs];

/** The required options only. */
export const base: BackupOptions = {
  app: "gatus",
  pvc: "gatus",
  capacity: "5Gi",
  storageClass: ceph.storageClass,
  snapshotClass: ceph.snapshotClass,
  schedule: "0 * * * *",
  retention: { daily: 7 },
  repository: { store: secrets.secretStore, item: "volsync-template" },
};
