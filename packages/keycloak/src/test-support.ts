// Fixtures this package's tests share (not exported from index.ts): the components a cluster's other packages
// provide, as far as keycloak() references them.
import { cloudnativePg } from "@k8s-ops/cloudnative-pg";
import type { ChartSource, Component } from "@k8s-ops/core";
import { externalSecrets } from "@k8s-ops/external-secrets";
import { databaseAppStandIns } from "@k8s-ops/testing";
import type { KeycloakOptions } from "./index.js";

/** The cluster's secret store. */
export const secrets = externalSecrets({ vault: "k8s-infra" });

/** Stand-ins for cert-manager, Rook-Ceph's block class, the gateways and the VictoriaMetrics operator. */
const stand = databaseAppStandIns((certManager) => cloudnativePg({ certManager }));
export const cephBlock = stand.storageClass;
export const internalGateway = stand.internalGateway;

/** Everything keycloak() is rendered alongside. */
export const providers: readonly Component[] = [secrets, ...stand.providers];

/** The operator chart the tests install. */
export const operatorChart: ChartSource = {
  url: "oci://registry.example.com/charts/keycloak-operator",
  tag: "1.0.0",
};

/** The required options only. */
export const base: KeycloakOptions = {
  operatorChart,
  store: secrets.secretStore,
  gateway: internalGateway,
  hostname: "sso.example.com",
  storageClass: cephBlock,
};
