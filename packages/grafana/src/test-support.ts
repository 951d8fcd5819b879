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

/** The hub's query endpoints: metrics over every tenant, VictoriaLogs' base URL. */
export const metrics = {
  url: "http://vmauth-hub.observability.svc.cluster.local:8427/select/multitenant/prometheus",
};
export const logs = { url: "http://vlsingle-logs.observability.svc.cluster.local:9428" };

/** The platform's two clusters, each a tenant of the hubs. */
export const tenants = [
  { name: "infra", id: 1 },
  { name: "apps", id: 2 },
] as const;

/** An authentik component's export, as far as SSO reads it. */
export const authentik = { url: "https://auth.${SECRET_DOMAIN}" };

/** The required options only. */
export const base: GrafanaOptions = { gateway: envoy.gateways.internal, metrics, logs, tenants };

/** Everything the instance stage uses, with SSO: the gateways and the secret store. */
export const withStore: readonly Component[] = [...alongside, secrets];
