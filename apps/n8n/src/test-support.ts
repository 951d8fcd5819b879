// Fixtures this package's tests share (not exported from index.ts).
import { CLOUDNATIVE_PG_CRDS } from "@k8s-ops/cloudnative-pg";
import {
  type Component,
  defineApp,
  type GatewayRef,
  reference,
  type StorageClassRef,
  testSettings,
  type VolumeSnapshotClassRef,
} from "@k8s-ops/core";
import { externalSecrets } from "@k8s-ops/external-secrets";
import { VOLSYNC_CRDS } from "@k8s-ops/volsync";

export const secrets = externalSecrets({ vault: "k8s-apps" });
export const store = secrets.secretStore;

/** Stand-ins for the operators whose kinds the app renders (CloudNativePG also renders a VMPodScrape). */
const operators = defineApp({
  name: "operators",
  namespace: "operators",
  layer: "controllers",
  objects: [],
  crds: [
    ...CLOUDNATIVE_PG_CRDS,
    ...VOLSYNC_CRDS,
    "operator.victoriametrics.com/*",
    "gateway.networking.k8s.io/*",
  ],
});

/** Stand-ins for envoy-gateway's gateways stage and the Ceph CSI consumer. */
const gatewayApp = defineApp({ name: "envoy-gateways", namespace: "network", layer: "config", objects: [] });
const storageApp = defineApp({ name: "rook-ceph", namespace: "rook-ceph", layer: "config", objects: [] });
export const external: GatewayRef = {
  ...reference("Gateway", gatewayApp, "envoy-external", "network"),
  namespace: "network",
};
export const block: StorageClassRef = reference("StorageClass", storageApp, "ceph-block");
export const blockSnapshots: VolumeSnapshotClassRef = reference(
  "VolumeSnapshotClass",
  storageApp,
  "csi-ceph-blockpool",
);

export const platform: Component[] = [
  secrets,
  { name: "platform", apps: [operators, gatewayApp, storageApp] },
];
export const settings = testSettings({ secretVariables: ["SECRET_DOMAIN"] });
