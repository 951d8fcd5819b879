// Fixtures this package's tests share (not exported from index.ts): the components a cluster's other packages
// provide, as far as openBao() references them.
import { type Component, defineApp, type GatewayRef, reference, type StorageClassRef } from "@k8s-ops/core";
import { externalSecrets } from "@k8s-ops/external-secrets";
import { StorageClass } from "kubernetes-models/storage.k8s.io/v1/StorageClass";

/** The cluster's secret store. */
export const secrets = externalSecrets({ vault: "k8s-infra" });

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

/** Everything openBao() is rendered alongside. */
export const providers: readonly Component[] = [
  secrets,
  { name: "rook-ceph", apps: [rookApp] },
  { name: "envoy-gateway", apps: [gatewaysApp] },
];
