// Fixtures this package's tests share (not exported from index.ts).
import { type App, type Component, defineApp, reference, type ServiceEndpoint } from "@k8s-ops/core";
import { externalSecrets } from "@k8s-ops/external-secrets";
import { appOf, operatorStandIn } from "@k8s-ops/testing";
import { type CloudflaredOptions, cloudflared } from "./index.js";

/** The cluster's secret store: the tunnel token is read from it. */
export const secrets = externalSecrets({ vault: "k8s-infra" });

/** A stand-in for the envoy-gateway component: an app that provides the `envoy-external` service. */
export const gatewayApp = defineApp({
  name: "envoy-external",
  namespace: "network",
  layer: "platform",
  objects: [],
});
export const gateways: Component = { name: "envoy-gateway", apps: [gatewayApp] };
export const envoyExternal: ServiceEndpoint = {
  ...reference("Service", gatewayApp, "envoy-external", "network"),
  namespace: "network",
  port: 443,
  host: "envoy-external.network.svc.cluster.local",
};

/** A stand-in for the external-dns component: the app serving the DNSEndpoint kind the tunnel's record uses. */
export const externalDns: Component = {
  name: "external-dns",
  apps: [
    operatorStandIn({ name: "external-dns", namespace: "network", crds: ["externaldns.k8s.io/DNSEndpoint"] }),
  ],
};

/** The required options only. */
export const base: CloudflaredOptions = {
  domain: "example.com",
  gateway: envoyExternal,
  store: secrets.secretStore,
};

/** The cloudflared app, built from the required options and `options`. */
export function theApp(options: Partial<CloudflaredOptions> = {}): App {
  return appOf(cloudflared({ ...base, ...options }), "cloudflared");
}
