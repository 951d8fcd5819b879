// Helpers for this package's tests only (not exported from index.ts).
import type { ClusterSettings } from "@k8s-ops/core";
import { certIssuersStandIn, SECRET_DOMAIN_SETTINGS } from "@k8s-ops/testing";
import type { EnvoyGatewayOptions } from "./index.js";

/** The test cluster, with the domain kept in the cluster secrets. */
export const settings: ClusterSettings = SECRET_DOMAIN_SETTINGS;

/**
 * The stand-in for cert-manager the tests render the gateways with: an app serving the cert-manager.io CRDs and
 * an issuers stage with the production ClusterIssuer, as the cert-manager component provides them.
 */
export const certs = certIssuersStandIn();

/** The required options only, on the test cluster. */
export const base: EnvoyGatewayOptions = {
  settings,
  addresses: { external: "192.168.0.130", internal: "192.168.0.131" },
  issuer: certs.issuers.production,
};
