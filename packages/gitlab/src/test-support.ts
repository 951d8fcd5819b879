// Fixtures this package's tests share (not exported from index.ts): the components a cluster's other packages
// provide, as far as gitlab() and gitlabRunner() reference them.
import { cloudnativePg } from "@k8s-ops/cloudnative-pg";
import type { Component } from "@k8s-ops/core";
import { externalSecrets } from "@k8s-ops/external-secrets";
import { databaseAppStandIns } from "@k8s-ops/testing";
import type { GitLabOptions, GitLabRunnerOptions } from "./index.js";

/** The cluster's secret store. */
export const secrets = externalSecrets({ vault: "k8s-apps" });

/** Stand-ins for cert-manager, the Ceph block class, the gateways and the VictoriaMetrics operator. */
const stand = databaseAppStandIns((certManager) => cloudnativePg({ certManager }));
export const cephBlock = stand.storageClass;
export const internalGateway = stand.internalGateway;

/** Everything gitlab() is rendered alongside. */
export const providers: readonly Component[] = [secrets, ...stand.providers];

/** The RGW endpoint the tests store objects at. */
export const RGW = "http://rook-ceph-rgw-ceph-objectstore.rook-ceph.svc:80";

/** The required options only. */
export const base: GitLabOptions = {
  store: secrets.secretStore,
  gateway: internalGateway,
  hostname: "gitlab.example.com",
  registryHostname: "registry.example.com",
  storageClass: cephBlock,
  objectStorage: { endpoint: RGW },
};

/** The runner's required options, for a GitLab outside the cluster. */
export const runnerBase: GitLabRunnerOptions = {
  store: secrets.secretStore,
  gitlab: { url: "https://gitlab.example.com" },
};
