import { type GatewayRef, OptionError } from "@k8s-ops/core";
import { HTTPRoute } from "@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute";

export interface HttpRouteOptions {
  /** Name of the HTTPRoute. */
  readonly name: string;
  /** The gateway to attach to, from the envoy-gateway component's `gateways` (never a name). */
  readonly gateway: GatewayRef;
  /** The host names routed, e.g. `["grafana.example.com"]`. */
  readonly hostnames: readonly string[];
  /** The Service receiving the traffic, in the route's namespace. */
  readonly service: { readonly name: string; readonly port: number };
  /** Namespace of the route and the Service. @default the namespace of the app that deploys the route */
  readonly namespace?: string;
}

/** An HTTPRoute and what its app must `uses`, so the app depends on the stage that provides the gateway. */
export interface GatewayRoute {
  readonly route: HTTPRoute;
  readonly uses: readonly [GatewayRef];
}

const VARIABLE = /\$\{[_a-zA-Z][_a-zA-Z0-9]*\}/g;
const HOSTNAME = /^(\*\.)?[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

/** Routes every path of `hostnames` on the gateway's HTTPS listener to one Service port. */
export function httpRoute(options: HttpRouteOptions): GatewayRoute {
  checkRoute(options);
  const { gateway, service } = options;
  const route = new HTTPRoute({
    metadata: { name: options.name, namespace: options.namespace },
    spec: {
      hostnames: [...options.hostnames],
      parentRefs: [
        {
          group: "gateway.networking.k8s.io",
          kind: "Gateway",
          name: gateway.name,
          namespace: gateway.namespace,
          sectionName: "https",
        },
      ],
      rules: [
        {
          backendRefs: [{ group: "", kind: "Service", name: service.name, port: service.port }],
          matches: [{ path: { type: "PathPrefix", value: "/" } }],
        },
      ],
    },
  });
  return { route, uses: [gateway] };
}

function checkRoute(options: HttpRouteOptions): void {
  const path = `httpRoute(${options.name})`;
  const bad = options.hostnames.find((host) => !HOSTNAME.test(host.replace(VARIABLE, "x")));
  if (options.hostnames.length === 0 || bad !== undefined) {
    throw new OptionError({
      path: `${path}: hostnames`,
      message: bad === undefined ? "a route needs at least one host name" : "not a host name",
      expected: "host names such as app.example.com or *.example.com",
      found: JSON.stringify(bad ?? options.hostnames),
    });
  }
  const { port } = options.service;
  if (!Number.isInteger(port) || port < 1 || port > 65535) {
    throw new OptionError({
      path: `${path}: service.port`,
      message: "not a port number",
      expected: "an integer in 1..65535",
      found: String(port),
    });
  }
}
