// Fixtures this package's tests share (not exported from index.ts): the components a cluster's other packages
// provide, as far as mattermost() references them.
import { cloudnativePg } from "@k8s-ops/cloudnative-pg";
import type { Component } from "@k8s-ops/core";
import { externalSecrets } from "@k8s-ops/external-secrets";
import { databaseAppStandIns } from "@k8s-ops/testing";
import type { MattermostOptions } from "./index.js";

/** The cluster's secret store. */
export const secrets = externalSecrets({ vault: "k8s-infra" });

/** Stand-ins for cert-manager, Rook-Ceph's block class, the gateways and the VictoriaMetrics operator. */
const stand = databaseAppStandIns((certManager) => cloudnativePg({ certManager }));
export const cephBlock = stand.storageClass;
export const internalGateway = stand.internalGateway;

/** Everything mattermost() is rendered alongside. */
export const providers: readonly Component[] = [secrets, ...stand.providers];

/** The required options only. */
export const base: MattermostOptions = {
  store: secrets.secretStore,
  gateway: internalGateway,
  hostname: "chat.example.com",
  storageClass: cephBlock,
  s3: { endpoint: "http://rook-ceph-rgw-ceph-objectstore.rook-ceph.svc", bucket: "mattermost" },
};
