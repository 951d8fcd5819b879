// Fixtures this package's tests share (not exported from index.ts): the components a cluster's other packages
// provide, as far as authentik() references them.
import { cloudnativePg } from "@k8s-ops/cloudnative-pg";
import {
  type Component,
  defineApp,
  type GatewayRef,
  helmApp,
  reference,
  type StorageClassRef,
} from "@k8s-ops/core";
import { externalSecrets } from "@k8s-ops/external-secrets";
import { StorageClass } from "kubernetes-models/storage.k8s.io/v1/StorageClass";
import type { AuthentikOptions } from "./index.js";

/** The cluster's secret store. */
export const secrets = externalSecrets({ vault: "k8s-infra" });

/** Stand-in for cert-manager: the CloudNativePG operator's webhook certificate needs its CRDs. */
const certs: Component = {
  name: "cert-manager",
  apps: [
    helmApp({
      name: "cert-manager",
      namespace: "cert-manager",
      layer: "controllers",
      chart: { url: "oci://quay.io/jetstack/charts/cert-manager", tag: "v1.21.1" },
      crds: ["cert-manager.io/*", "acme.cert-manager.io/*"],
      wait: true,
    }),
  ],
};

const rookApp = defineApp({
  name: "rook-ceph",
  namespace: "rook-ceph",
  layer: "controllers",
  objects: [
    new StorageClass({ metadata: { name: "ceph-block" }, provisioner: "rook-ceph.rbd.csi.ceph.com" }),
  ],
});
/** Stand-in for Rook-Ceph's block storage class. */
export const cephBlock: StorageClassRef = reference("StorageClass", rookApp, "ceph-block");

const gatewaysApp = defineApp({
  name: "envoy-gateways",
  namespace: "network",
  layer: "config",
  objects: [],
  crds: ["gateway.networking.k8s.io/*"],
});
/** Stand-in for the envoy-gateway component's internal gateway. */
export const internalGateway: GatewayRef = {
  ...reference("Gateway", gatewaysApp, "envoy-internal", "network"),
  namespace: "network",
};

/** Stand-in for the VictoriaMetrics operator: the database's VMPodScrape needs its CRDs. */
const victoriaMetrics: Component = {
  name: "victoria-metrics",
  apps: [
    defineApp({
      name: "victoria-metrics-operator",
      namespace: "observability",
      layer: "controllers",
      objects: [],
      crds: ["operator.victoriametrics.com/*"],
      wait: true,
    }),
  ],
};

/** Everything authentik() is rendered alongside. */
export const providers: readonly Component[] = [
  secrets,
  certs,
  cloudnativePg({ certManager: certs }),
  { name: "rook-ceph", apps: [rookApp] },
  { name: "envoy-gateway", apps: [gatewaysApp] },
  victoriaMetrics,
];

/** The required options only. */
export const base: AuthentikOptions = {
  store: secrets.secretStore,
  gateway: internalGateway,
  hostname: "auth.example.com",
  storageClass: cephBlock,
};
