// Helpers for this package's tests only (not exported from index.ts).
import {
  type ClusterIssuerRef,
  type ClusterSettings,
  type Component,
  defineApp,
  reference,
  testSettings,
} from "@k8s-ops/core";
import type { EnvoyGatewayOptions } from "./index.js";

/** The test cluster, with the domain kept in the cluster secrets. */
export const settings: ClusterSettings = testSettings({ secretVariables: ["SECRET_DOMAIN"] });

/**
 * What the gateways need from cert-manager, as the cert-manager component provides it: an app serving the
 * cert-manager.io CRDs and an issuers stage with the production ClusterIssuer.
 */
function certManagerStub(): Component & { issuers: { production: ClusterIssuerRef } } {
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
    issuers: { production: reference("ClusterIssuer", issuers, "letsencrypt-production") },
  };
}

/** The stand-in for cert-manager the tests render the gateways with. */
export const certs = certManagerStub();

/** The required options only, on the test cluster. */
export const base: EnvoyGatewayOptions = {
  settings,
  addresses: { external: "192.168.0.130", internal: "192.168.0.131" },
  issuer: certs.issuers.production,
};
