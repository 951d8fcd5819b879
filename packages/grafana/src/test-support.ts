// Fixtures this package's tests share (not exported from index.ts).
import {
  type ClusterIssuerRef,
  type ClusterSettings,
  type Component,
  defineApp,
  reference,
  testSettings,
} from "@k8s-ops/core";
import { envoyGateway } from "@k8s-ops/envoy-gateway";
import { externalSecrets } from "@k8s-ops/external-secrets";
import type { GrafanaOptions } from "./index.js";

/** The test cluster, with the domain kept in the cluster secrets. */
export const settings: ClusterSettings = testSettings({ secretVariables: ["SECRET_DOMAIN"] });

/** What the gateways need from cert-manager: an app serving its CRDs and the production issuer of a stage. */
function certManagerStub(): Component & { issuer: ClusterIssuerRef } {
  const controller = defineApp({
    name: "cert-manager",
    namespace: "cert-manager",
    layer: "controllers",
    objects: [],
    crds: ["cert-manager.io/*", "acme.cert-manager.io/*"],
  });
  const issuers = defineApp({
    name: "cert-manager-issuers",
    namespace: "cert-manager",
    layer: "config",
    folder: "cert-manager",
    dir: "issuers",
    objects: [],
  });
  return {
    name: "cert-manager",
    apps: [controller, issuers],
    issuer: reference("ClusterIssuer", issuers, "letsencrypt-production"),
  };
}

export const certs = certManagerStub();
export const envoy = envoyGateway({
  settings,
  addresses: { external: "192.168.0.130", internal: "192.168.0.131" },
  issuer: certs.issuer,
});
/** Everything a component with a route needs beside it to validate. */
export const alongside: readonly Component[] = [certs, envoy];

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
