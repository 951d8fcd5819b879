import { type App, type AppRef, appRef, type ChartSource, OptionError } from "@k8s-ops/core";

/**
 * The Envoy Gateway chart, where this platform's Gateway API CRDs come from: its `crds` subchart carries the
 * Gateway API bundle and Envoy Gateway's own CRDs, installed by Helm before the controller starts. A subchart is
 * not stored in Helm's release Secret, so the ~4 MB of CRDs stay clear of the Secret's 1 MiB limit, which the
 * stand-alone `gateway-crds-helm` chart exceeds.
 */
export const ENVOY_GATEWAY_CHART: ChartSource = {
  url: "oci://docker.io/envoyproxy/gateway-helm",
  // renovate: datasource=docker depName=docker.io/envoyproxy/gateway-helm
  tag: "1.9.0",
};

/** The Gateway API release the chart above bundles (Envoy Gateway 1.9 and Cilium 1.20 both need 1.6). */
export const GATEWAY_API_VERSION = "v1.6.1";

/** The channels Gateway API publishes; the experimental one is a superset of the standard one. */
export type GatewayApiChannel = "standard" | "experimental";

/** The channel the chart bundles: experimental (TLSRoute alphas, the X* kinds), what Envoy Gateway is tested with. */
export const GATEWAY_API_CHANNEL: GatewayApiChannel = "experimental";

/** The CRD groups of Gateway API; `gateway.networking.x-k8s.io` comes with the experimental channel. */
export const GATEWAY_API_CRDS: readonly string[] = [
  "gateway.networking.k8s.io/*",
  "gateway.networking.x-k8s.io/*",
];

/** The CRD group of Envoy Gateway's own kinds (EnvoyProxy, ClientTrafficPolicy, SecurityPolicy, …). */
export const ENVOY_GATEWAY_CRDS: readonly string[] = ["gateway.envoyproxy.io/*"];

/**
 * Which app of a cluster installs the Gateway API CRDs, at which release and channel. A controller that serves
 * Gateway API (Cilium's `gatewayApiCrds`) or an app that must not start before the CRDs exist `uses` `app`.
 */
export interface GatewayApiCrds {
  readonly app: AppRef;
  readonly version: string;
  readonly channel: GatewayApiChannel;
  /** The CRD patterns the app declares (`crds:`): Gateway API's groups and Envoy Gateway's, which come along. */
  readonly crds: readonly string[];
}

/**
 * Describes `app`, which installs the chart above with its CRDs, as the cluster's Gateway API CRD installer. It takes
 * the app itself, not a name: an app that does not declare every CRD group above cannot be the installer.
 */
export function gatewayApiCrds(app: App): GatewayApiCrds {
  const crds = [...GATEWAY_API_CRDS, ...ENVOY_GATEWAY_CRDS];
  // Checked at run time too: a JavaScript caller can still pass a name.
  const declared: readonly string[] = typeof app === "object" ? (app.crds ?? []) : [];
  if (!crds.every((pattern) => declared.includes(pattern))) {
    throw new OptionError({
      path: "gateway-api: app",
      message: "the app does not install the Gateway API CRDs, so it cannot be their installer",
      expected: `an app whose crds include ${crds.join(", ")}`,
      found:
        typeof app === "object"
          ? `${app.namespace}/${app.name} with crds [${declared.join(", ")}]`
          : JSON.stringify(app),
    });
  }
  return { app: appRef(app), version: GATEWAY_API_VERSION, channel: GATEWAY_API_CHANNEL, crds };
}
