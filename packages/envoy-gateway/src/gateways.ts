import { Certificate } from "@kubernetes-models/cert-manager/cert-manager.io/v1/Certificate";
import { ClientTrafficPolicy } from "@kubernetes-models/envoy-gateway/gateway.envoyproxy.io/v1alpha1/ClientTrafficPolicy";
import { EnvoyProxy } from "@kubernetes-models/envoy-gateway/gateway.envoyproxy.io/v1alpha1/EnvoyProxy";
import type { IKubernetesServiceSpec } from "@kubernetes-models/envoy-gateway/gateway.envoyproxy.io/v1alpha1/KubernetesServiceSpec";
import { Gateway } from "@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/Gateway";
import { GatewayClass } from "@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/GatewayClass";
import { HTTPRoute } from "@kubernetes-models/gateway-api/gateway.networking.k8s.io/v1/HTTPRoute";
import type { ResolvedEnvoyGatewayOptions } from "./options.js";

/** The controller name Envoy Gateway answers to (the chart's default). */
export const CONTROLLER_NAME = "gateway.envoyproxy.io/gatewayclass-controller";
export const GATEWAY_CLASS = "envoy";
/** The two gateways; each one's Service carries the same name. */
export const GATEWAY_NAMES = { external: "envoy-external", internal: "envoy-internal" } as const;
/** The Service annotation Cilium LB IPAM reads to pin a LoadBalancer address. */
export const LBIPAM_IPS = "lbipam.cilium.io/ips";
/** The Gateway annotation external-dns publishes the Gateway's routes with, as CNAMEs to its value. */
export const DNS_TARGET = "external-dns.alpha.kubernetes.io/target";
/** The wildcard Certificate both HTTPS listeners serve, and its Secret. */
export const CERTIFICATE_NAME = "wildcard";
export const TLS_SECRET = `${CERTIFICATE_NAME}-tls`;

export type GatewayName = keyof typeof GATEWAY_NAMES;

const ENVOY_GROUP = "gateway.envoyproxy.io";
const GATEWAY_GROUP = "gateway.networking.k8s.io";

/** How the Envoy proxies run: a Deployment per gateway behind a LoadBalancer Service. */
function proxySpec(o: ResolvedEnvoyGatewayOptions, service: IKubernetesServiceSpec = {}) {
  return {
    provider: {
      type: "Kubernetes" as const,
      kubernetes: {
        envoyDeployment: { replicas: o.replicas },
        envoyService: {
          externalTrafficPolicy: o.externalTrafficPolicy,
          type: "LoadBalancer" as const,
          ...service,
        },
      },
    },
  };
}

/** The class-wide proxy settings, and the GatewayClass `envoy` that points at them. */
export function gatewayClass(o: ResolvedEnvoyGatewayOptions): [EnvoyProxy, GatewayClass] {
  const proxy = new EnvoyProxy({ metadata: { name: GATEWAY_CLASS }, spec: proxySpec(o) });
  const parametersRef = {
    group: ENVOY_GROUP,
    kind: "EnvoyProxy",
    name: GATEWAY_CLASS,
    namespace: o.namespace,
  };
  const gatewayClass = new GatewayClass({
    metadata: { name: GATEWAY_CLASS },
    spec: { controllerName: CONTROLLER_NAME, parametersRef },
  });
  return [proxy, gatewayClass];
}

/**
 * One gateway: HTTP on 80 (for the redirect only) and HTTPS on 443 with the wildcard certificate, open to routes of
 * every namespace. Its own EnvoyProxy pins the Service name and the LB address; a Gateway's EnvoyProxy replaces the
 * class one, so it repeats the class settings.
 */
export function gateway(o: ResolvedEnvoyGatewayOptions, which: GatewayName): [EnvoyProxy, Gateway] {
  const name = GATEWAY_NAMES[which];
  const service = { annotations: { [LBIPAM_IPS]: o.addresses[which] }, name };
  const proxy = new EnvoyProxy({ metadata: { name }, spec: proxySpec(o, service) });
  const certificateRefs = [{ group: "", kind: "Secret", name: TLS_SECRET }];
  const target = which === "external" ? o.externalDnsTarget : undefined;
  const gateway = new Gateway({
    metadata: { name, ...(target ? { annotations: { [DNS_TARGET]: target } } : {}) },
    spec: {
      gatewayClassName: GATEWAY_CLASS,
      infrastructure: { parametersRef: { group: ENVOY_GROUP, kind: "EnvoyProxy", name } },
      listeners: [
        { allowedRoutes: { namespaces: { from: "Same" } }, name: "http", port: 80, protocol: "HTTP" },
        {
          allowedRoutes: { namespaces: { from: "All" } },
          name: "https",
          port: 443,
          protocol: "HTTPS",
          tls: { certificateRefs, mode: "Terminate" },
        },
      ],
    },
  });
  return [proxy, gateway];
}

/** The certificate for the domain and its subdomains, from the given ClusterIssuer. */
export function wildcardCertificate(o: ResolvedEnvoyGatewayOptions): Certificate {
  return new Certificate({
    metadata: { name: CERTIFICATE_NAME },
    spec: {
      dnsNames: [o.domain, `*.${o.domain}`],
      issuerRef: { group: "cert-manager.io", kind: "ClusterIssuer", name: o.issuer.name },
      secretName: TLS_SECRET,
    },
  });
}

/**
 * How each gateway treats clients: HTTP/2 errors end the stream (not the connection), HTTP/3 offered, TCP keepalive,
 * TLS 1.2 or later. The external gateway takes the client address from `X-Forwarded-For` behind `trustedHops`
 * proxies (cloudflared); the internal one, which clients reach directly, trusts no such header, so a client there
 * cannot claim another address.
 */
export function clientTrafficPolicies(o: ResolvedEnvoyGatewayOptions): ClientTrafficPolicy[] {
  return (Object.keys(GATEWAY_NAMES) as GatewayName[]).map((which) => {
    const name = GATEWAY_NAMES[which];
    return new ClientTrafficPolicy({
      metadata: { name },
      spec: {
        clientIPDetection:
          which === "external" ? { xForwardedFor: { numTrustedHops: o.trustedHops } } : undefined,
        http2: { onInvalidMessage: "TerminateStream" },
        http3: o.http3 ? {} : undefined,
        targetRefs: [{ group: GATEWAY_GROUP, kind: "Gateway", name }],
        tcpKeepalive: {},
        tls: { alpnProtocols: ["h2", "http/1.1"], minVersion: "1.2" },
      },
    });
  });
}

/** Every plain-HTTP request, on either gateway, answered with a permanent redirect to HTTPS. */
export function httpsRedirect(o: ResolvedEnvoyGatewayOptions): HTTPRoute {
  return new HTTPRoute({
    metadata: { name: "https-redirect" },
    spec: {
      parentRefs: Object.values(GATEWAY_NAMES).map((name) => ({
        group: GATEWAY_GROUP,
        kind: "Gateway",
        name,
        namespace: o.namespace,
        sectionName: "http",
      })),
      rules: [
        { filters: [{ requestRedirect: { scheme: "https", statusCode: 301 }, type: "RequestRedirect" }] },
      ],
    },
  });
}
