// Fixtures this package's tests share (not exported from index.ts).
import {
  type ClusterSettings,
  type Component,
  defineApp,
  helmApp,
  reference,
  type StorageClassRef,
  testSettings,
} from "@k8s-ops/core";
import { StorageClass } from "kubernetes-models/storage.k8s.io/v1/StorageClass";
import type { VictoriaLogsOptions } from "./index.js";

/** The two clusters, as the platform's settings describe them. */
export const INFRA: ClusterSettings = testSettings({
  name: "infra",
  id: 1,
  network: {
    nodeCidr: "10.25.11.0/24",
    podCidr: "10.244.0.0/16",
    serviceCidr: "10.245.0.0/16",
    loadBalancerCidr: "10.25.11.64/27",
  },
  nodes: [{ name: "infra-1", address: "10.25.11.11" }],
});

export const APPS: ClusterSettings = testSettings({
  name: "apps",
  id: 2,
  network: {
    nodeCidr: "10.25.11.0/24",
    podCidr: "10.246.0.0/16",
    serviceCidr: "10.247.0.0/16",
    loadBalancerCidr: "10.25.11.96/27",
  },
  nodes: [{ name: "apps-1", address: "10.25.11.14" }],
});

/** A storage component as the storage packages export one: an app providing the `ceph-block` StorageClass. */
const storageApp = defineApp({
  name: "rook-ceph-cluster",
  namespace: "rook-ceph",
  layer: "config",
  objects: [
    new StorageClass({ metadata: { name: "ceph-block" }, provisioner: "rook-ceph.rbd.csi.ceph.com" }),
  ],
});
export const cephBlock: StorageClassRef = reference("StorageClass", storageApp, "ceph-block");

/** The VictoriaMetrics operator as @k8s-ops/victoria-metrics deploys it: the app installing the VLSingle CRD. */
const operatorApp = helmApp({
  name: "victoria-metrics-operator",
  namespace: "observability",
  layer: "controllers",
  folder: "victoria-metrics",
  chart: { url: "oci://ghcr.io/victoriametrics/helm-charts/victoria-metrics-operator", tag: "0.67.2" },
  crds: ["operator.victoriametrics.com/*"],
  wait: true,
});

/** What VictoriaLogs is rendered beside: the storage it uses and the operator serving its kind. */
export const alongside: Component[] = [
  { name: "rook-ceph", apps: [storageApp] },
  { name: "victoria-metrics-operator", apps: [operatorApp] },
];

/** The required options. */
export const base: VictoriaLogsOptions = { settings: INFRA, storageClass: cephBlock, address: "10.25.11.73" };
