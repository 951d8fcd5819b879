import {
  type App,
  appRef,
  type Component,
  defineApp,
  type GatewayRef,
  type HealthCheckExpr,
  helmApp,
  packageOf,
  reference,
  type ServiceEndpoint,
} from "@k8s-ops/core";
import {
  ENVOY_GATEWAY_CHART,
  ENVOY_GATEWAY_CRDS,
  GATEWAY_API_CRDS,
  type GatewayApiCrds,
  gatewayApiCrds,
} from "@k8s-ops/gateway-api";
import { checkOptions } from "./checks.js";
import {
  CONTROLLER_NAME,
  clientTrafficPolicies,
  GATEWAY_CLASS,
  GATEWAY_NAMES,
  type GatewayName,
  gateway,
  gatewayClass,
  httpsRedirect,
  wildcardCertificate,
} from "./gateways.js";
import { type EnvoyGatewayOptions, type ResolvedEnvoyGatewayOptions, resolveOptions } from "./options.js";

/** Named on every object this package renders into a cluster. */
const SOURCE = packageOf(import.meta.url);

export interface EnvoyGateway extends Component {
  /** The controller app installs the Gateway API and Envoy Gateway CRDs: `gatewayApi.app` is what waits for them. */
  readonly gatewayApi: GatewayApiCrds;
  /** Name of the GatewayClass. */
  readonly gatewayClass: string;
  /** The gateways, for routes to attach to (see `httpRoute`). */
  readonly gateways: { readonly external: GatewayRef; readonly internal: GatewayRef };
  /** The gateways' Services, HTTPS on 443 (cloudflared sends the tunnel's traffic to `external`). */
  readonly services: { readonly external: ServiceEndpoint; readonly internal: ServiceEndpoint };
}

/** Flux health of a Gateway: ready once Envoy Gateway has programmed it (proxies up, address assigned). */
export const GATEWAY_HEALTH: HealthCheckExpr = {
  apiVersion: "gateway.networking.k8s.io/v1",
  kind: "Gateway",
  current: "status.conditions.exists(e, e.type == 'Programmed' && e.status == 'True')",
  failed: "status.conditions.exists(e, e.type == 'Accepted' && e.status == 'False')",
};

/** The controller, with every CRD it serves: Helm installs them before the controller starts. */
function controllerApp(o: ResolvedEnvoyGatewayOptions): App {
  return helmApp({
    name: "envoy-gateway",
    namespace: o.namespace,
    layer: "controllers",
    chart: ENVOY_GATEWAY_CHART,
    values: {
      config: { envoyGateway: { gateway: { controllerName: CONTROLLER_NAME } } },
      crds: { enabled: true },
    },
    crds: [...GATEWAY_API_CRDS, ...ENVOY_GATEWAY_CRDS],
    wait: true,
  });
}

/** The gateways stage: class, proxies, the two gateways, their certificate and policies, once the controller runs. */
function gatewaysApp(o: ResolvedEnvoyGatewayOptions, controller: App): App {
  return defineApp({
    name: "envoy-gateways",
    namespace: o.namespace,
    layer: "config",
    folder: "envoy-gateway",
    dir: "gateways",
    objects: [
      ...gatewayClass(o),
      ...gateway(o, "external"),
      ...gateway(o, "internal"),
      wildcardCertificate(o),
      ...clientTrafficPolicies(o),
      httpsRedirect(o),
    ],
    uses: [appRef(controller), o.issuer],
    wait: true,
    healthCheckExprs: [GATEWAY_HEALTH],
  });
}

/**
 * Envoy Gateway: the controller (with the Gateway API CRDs), then the `envoy` GatewayClass and the gateways
 * `envoy-external` and `envoy-internal`, each on its own LoadBalancer address, HTTPS with a wildcard certificate.
 */
export function envoyGateway(options: EnvoyGatewayOptions): EnvoyGateway {
  const o = resolveOptions(options);
  checkOptions(o);
  const controller = controllerApp(o);
  const gateways = gatewaysApp(o, controller);
  const ref = (which: GatewayName): GatewayRef => ({
    ...reference("Gateway", gateways, GATEWAY_NAMES[which], o.namespace),
    namespace: o.namespace,
  });
  const service = (which: GatewayName): ServiceEndpoint => ({
    ...reference("Service", gateways, GATEWAY_NAMES[which], o.namespace),
    namespace: o.namespace,
    port: 443,
    host: `${GATEWAY_NAMES[which]}.${o.namespace}.svc.cluster.local`,
  });
  return {
    name: "envoy-gateway",
    apps: [controller, gateways],
    source: SOURCE,
    gatewayApi: gatewayApiCrds(controller),
    gatewayClass: GATEWAY_CLASS,
    gateways: { external: ref("external"), internal: ref("internal") },
    services: { external: service("external"), internal: service("internal") },
  };
}
