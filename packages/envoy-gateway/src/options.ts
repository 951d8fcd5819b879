import type { ClusterIssuerRef, ClusterSettings } from "@k8s-ops/core";

/** The LoadBalancer addresses of the two gateways (Cilium LB IPAM, `lbipam.cilium.io/ips`). */
export interface GatewayAddresses {
  /** Address of `envoy-external`, the gateway the internet reaches (through cloudflared or port forwards). */
  readonly external: string;
  /** Address of `envoy-internal`, the gateway for the home network and the other cluster. */
  readonly internal: string;
}

export interface EnvoyGatewayOptions {
  /** The cluster: its LoadBalancer range must hold the addresses, its variables those the domain uses. */
  readonly settings: ClusterSettings;
  /**
   * LoadBalancer IPs of the gateways: inside `settings.network.loadBalancerCidr` but not its first or last address
   * (LB IPAM reserves both), different from each other.
   */
  readonly addresses: GatewayAddresses;
  /** The ClusterIssuer of the gateways' wildcard certificate (the cert-manager component's `issuers.production`). */
  readonly issuer: ClusterIssuerRef;
  /** The domain the gateways serve: the certificate covers it and `*.<domain>`. @default "${SECRET_DOMAIN}" */
  readonly domain?: string;
  /** Namespace of the controller, the gateways and their Envoy proxies. @default "network" */
  readonly namespace?: string;
  /** Envoy proxy replicas per gateway. @default 2 */
  readonly replicas?: number;
  /**
   * `externalTrafficPolicy` of the gateways' Services: `Local` keeps the client address and lets Cilium announce
   * the address only from nodes running a proxy. @default "Local"
   */
  readonly externalTrafficPolicy?: "Local" | "Cluster";
  /**
   * Proxies in front of the external gateway whose `X-Forwarded-For` entries are trusted (cloudflared is one); the
   * internal gateway trusts none. @default 1
   */
  readonly trustedHops?: number;
  /** Offer HTTP/3 (QUIC on UDP 443) besides HTTP/2 and HTTP/1.1. @default true */
  readonly http3?: boolean;
  /**
   * The DNS name the routes of `envoy-external` resolve to, such as the Cloudflare tunnel's record: set as the
   * Gateway's `external-dns.alpha.kubernetes.io/target`, so external-dns publishes each route's host name as a
   * CNAME to it instead of the gateway's private LoadBalancer address. May hold `${VAR}`s of the cluster.
   * @default none: external-dns publishes the gateway's address
   */
  readonly externalDnsTarget?: string;
}

export interface ResolvedEnvoyGatewayOptions
  extends Required<Omit<EnvoyGatewayOptions, "externalDnsTarget">> {
  readonly externalDnsTarget?: string;
}

export function resolveOptions(options: EnvoyGatewayOptions): ResolvedEnvoyGatewayOptions {
  return {
    settings: options.settings,
    addresses: options.addresses,
    issuer: options.issuer,
    domain: options.domain ?? "${SECRET_DOMAIN}",
    namespace: options.namespace ?? "network",
    replicas: options.replicas ?? 2,
    externalTrafficPolicy: options.externalTrafficPolicy ?? "Local",
    trustedHops: options.trustedHops ?? 1,
    http3: options.http3 ?? true,
    externalDnsTarget: options.externalDnsTarget,
  };
}
