// Fixtures this package's tests share (not exported from index.ts).
import { CLOUDNATIVE_PG_CRDS } from "@k8s-ops/cloudnative-pg";
import type { Component } from "@k8s-ops/core";
import { externalSecrets } from "@k8s-ops/external-secrets";
import { platformStandIn, SECRET_DOMAIN_SETTINGS } from "@k8s-ops/testing";
import { VOLSYNC_CRDS } from "@k8s-ops/volsync";

export const secrets = externalSecrets({ vault: "k8s-apps" });
export const store = secrets.secretStore;

/**
 * Stand-ins for the operators whose kinds the app renders (CloudNativePG also renders a VMPodScrape),
 * envoy-gateway's gateways stage and the Ceph CSI consumer.
 */
const stand = platformStandIn([...CLOUDNATIVE_PG_CRDS, ...VOLSYNC_CRDS, "operator.victoriametrics.com/*"]);
export const external = stand.gateways.external;
export const block = stand.storage.storageClass;
export const blockSnapshots = stand.storage.snapshotClass;

export const platform: Component[] = [secrets, stand.component];
export const settings = SECRET_DOMAIN_SETTINGS;
