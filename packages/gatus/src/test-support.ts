// Fixtures this package's tests share (not exported from index.ts).
import type { ClusterSettings, Component } from "@k8s-ops/core";
import { envoyGateway } from "@k8s-ops/envoy-gateway";
import { routeStandIns } from "@k8s-ops/testing";

/** The gateways on the test cluster (the domain kept in its secrets), beside cert-manager's production issuer. */
const routes = routeStandIns(envoyGateway);
export const settings: ClusterSettings = routes.settings;
export const envoy = routes.gateways;
/** Everything a component with a route needs beside it to validate. */
export const alongside: readonly Component[] = routes.alongside;
