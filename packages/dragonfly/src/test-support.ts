// Fixtures this package's tests share (not exported from index.ts).
import { type Component, defineApp, reference, type StorageClassRef } from "@k8s-ops/core";
import { StorageClass } from "kubernetes-models/storage.k8s.io/v1/StorageClass";
import { type DragonflyOptions, dragonflyOperator } from "./index.js";

/** Stand-in for the openebs component: it provides the openebs-hostpath storage class. */
const openebsApp = defineApp({
  name: "openebs",
  namespace: "openebs-system",
  layer: "controllers",
  objects: [new StorageClass({ metadata: { name: "openebs-hostpath" }, provisioner: "openebs.io/local" })],
});
export const hostpath: StorageClassRef = reference("StorageClass", openebsApp, "openebs-hostpath");

export const operator = dragonflyOperator();

/** What a dragonfly() is rendered alongside. */
export const providers: readonly Component[] = [{ name: "openebs", apps: [openebsApp] }, operator];

/** The required options only. */
export const base: DragonflyOptions = { name: "cache", namespace: "business", replicas: 2, memory: "1Gi" };
