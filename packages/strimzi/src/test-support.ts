// Fixtures this package's tests share (not exported from index.ts).
import { type Component, defineApp, reference, type StorageClassRef } from "@k8s-ops/core";
import { StorageClass } from "kubernetes-models/storage.k8s.io/v1/StorageClass";
import { type KafkaOptions, strimzi } from "./index.js";

/** Stand-in for the rook-ceph component: it provides the ceph-block storage class. */
const rookApp = defineApp({
  name: "rook-ceph",
  namespace: "rook-ceph",
  layer: "controllers",
  objects: [
    new StorageClass({ metadata: { name: "ceph-block" }, provisioner: "rook-ceph.rbd.csi.ceph.com" }),
  ],
});
export const cephBlock: StorageClassRef = reference("StorageClass", rookApp, "ceph-block");
const rook: Component = { name: "rook-ceph", apps: [rookApp] };

export const operator = strimzi();

/** What a kafka() is rendered alongside. */
export const providers: readonly Component[] = [rook, operator];

const storage = { storageClass: cephBlock, size: "50Gi" };

/** Three combined controller-and-broker nodes and one plain internal listener. */
export const base = {
  name: "events",
  namespace: "kafka",
  version: "4.3.1",
  nodePools: [{ name: "kraft", roles: ["controller", "broker"], replicas: 3, storage }],
  listeners: [{ name: "plain", port: 9092, type: "internal", tls: false }],
} as const satisfies KafkaOptions;
