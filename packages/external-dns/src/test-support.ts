// Fixtures this package's tests share (not exported from index.ts).
import { type App, type Component, defineApp, type GatewayRef, reference } from "@k8s-ops/core";
import { externalSecrets } from "@k8s-ops/external-secrets";
import { appOf } from "@k8s-ops/testing";
import { type ExternalDnsOptions, externalDns } from "./index.js";

/** The cluster's secret store: the Cloudflare token is read from it. */
export const secrets = externalSecrets({ vault: "k8s-infra" });

/** The required options only. */
export const base: ExternalDnsOptions = {
  txtOwnerId: "infra",
  domainFilters: ["example.com"],
  store: secrets.secretStore,
};

/** A stand-in for the envoy-gateway component: an app that provides the `envoy-external` Gateway. */
export const gatewayApp = defineApp({
  name: "envoy-gateway",
  namespace: "network",
  layer: "platform",
  objects: [],
});
export const gateways: Component = { name: "envoy-gateway", apps: [gatewayApp] };
export const envoyExternal: GatewayRef = {
  ...reference("Gateway", gatewayApp, "envoy-external", "network"),
  namespace: "network",
};

/** The external-dns app, built from the required options and `options`. */
export function theApp(options: Partial<ExternalDnsOptions> = {}): App {
  return appOf(externalDns({ ...base, ...options }), "external-dns");
}
