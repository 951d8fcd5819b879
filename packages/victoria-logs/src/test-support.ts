// Fixtures this package's tests share (not exported from index.ts).
import type { ClusterSettings, Component } from "@k8s-ops/core";
import { operatorStandIn, PLATFORM_SETTINGS, storageStandIn } from "@k8s-ops/testing";
import type { VictoriaLogsOptions } from "./index.js";

/** The two clusters, as the platform's settings describe them. */
export const INFRA: ClusterSettings = PLATFORM_SETTINGS.infra;
export const APPS: ClusterSettings = PLATFORM_SETTINGS.apps;

/** A storage component as the storage packages export one: an app providing the `ceph-block` StorageClass. */
const storage = storageStandIn({
  name: "rook-ceph-cluster",
  component: "rook-ceph",
  namespace: "rook-ceph",
  layer: "config",
  storageClass: "ceph-block",
  provisioner: "rook-ceph.rbd.csi.ceph.com",
});
export const cephBlock = storage.storageClass;

/** The VictoriaMetrics operator as @k8s-ops/victoria-metrics deploys it: the app installing the VLSingle CRD. */
const operatorApp = operatorStandIn({
  name: "victoria-metrics-operator",
  namespace: "observability",
  folder: "victoria-metrics",
  chart: { url: "oci://ghcr.io/victoriametrics/helm-charts/victoria-metrics-operator", tag: "0.67.2" },
  crds: ["operator.victoriametrics.com/*"],
  wait: true,
});

/** What VictoriaLogs is rendered beside: the storage it uses and the operator serving its kind. */
export const alongside: Component[] = [
  storage.component,
  { name: "victoria-metrics-operator", apps: [operatorApp] },
];

/** The required options. */
export const base: VictoriaLogsOptions = { settings: INFRA, storageClass: cephBlock, address: "10.25.11.73" };
