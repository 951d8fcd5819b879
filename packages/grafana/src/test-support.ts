// Fixtures this package's tests share (not exported from index.ts).
import type { ClusterSettings, Component } from "@k8s-ops/core";
import { envoyGateway } from "@k8s-ops/envoy-gateway";
import { externalSecrets } from "@k8s-ops/external-secrets";
import { routeStandIns } from "@k8s-ops/testing";
import type { GrafanaOptions } from "./index.js";

/** The gateways on the test cluster (the domain kept in its secrets), beside cert-manager's production issuer. */
const routes = routeStandIns(envoyGateway);
export const settings: ClusterSettings = routes.settings;
export const envoy = routes.gateways;
/** Everything a component with a route needs beside it to validate. */
export const alongside: readonly Component[] = routes.alongside;

/** The cluster's secret store: the OAuth client's credentials are read from it. */
export const secrets = externalSecrets({ vault: "k8s-infra" });

/** The hub's query endpoints. */
export const metrics = {
  url: "http://vmselect-hub.observability.svc.cluster.local:8481/select/0/prometheus",
};
export const logs = { url: "http://victoria-logs.observability.svc.cluster.local:9428" };

/** The required options only. */
export const base: GrafanaOptions = { gateway: envoy.gateways.internal, metrics, logs };

/** Everything the instance stage uses, with SSO: the gateways and the secret store. */
export const withStore: readonly Component[] = [...alongside, secrets];
