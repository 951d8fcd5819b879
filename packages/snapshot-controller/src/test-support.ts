// Fixtures this package's tests share (not exported from index.ts).
import { defineApp, type KubeObject } from "@k8s-ops/core";

/**
 * A VolumeSnapshotClass as a CSI driver's component renders it. No @kubernetes-models package has the snapshot
 * kinds, so the tests stand one in: only apiVersion and kind matter to the dependency graph.
 */
export class StandInVolumeSnapshotClass implements KubeObject {
  readonly apiVersion = "snapshot.storage.k8s.io/v1";
  readonly kind = "VolumeSnapshotClass";
  metadata: { name: string };

  constructor(name: string) {
    this.metadata = { name };
  }

  toJSON(): unknown {
    return {
      apiVersion: this.apiVersion,
      kind: this.kind,
      metadata: this.metadata,
      driver: "rook-ceph.rbd.csi.ceph.com",
      deletionPolicy: "Delete",
    };
  }
}

/** A storage component's stage that renders a VolumeSnapshotClass, as rook-ceph's cluster stage does. */
export const snapshotClassStage = {
  name: "storage",
  apps: [
    defineApp({
      name: "rook-ceph-cluster",
      namespace: "rook-ceph",
      layer: "config",
      objects: [new StandInVolumeSnapshotClass("csi-ceph-blockpool")],
    }),
  ],
};
