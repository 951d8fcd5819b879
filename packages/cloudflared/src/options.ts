import type { SecretStoreRef, ServiceEndpoint } from "@k8s-ops/core";

/** The variable the tunnel id is substituted from by default: declare it among the cluster's secret variables. */
export const TUNNEL_ID_VARIABLE = "CLOUDFLARE_TUNNEL_ID";

export interface CloudflaredOptions {
  /** The domain whose subdomains (`*.<domain>`) the tunnel serves; may be a `${VAR}` such as `${SECRET_DOMAIN}`. */
  readonly domain: string;
  /**
   * The external gateway's HTTPS service the tunnel forwards to, as its provider exports it (envoy-gateway's
   * `envoy-external`); the app depends on that provider.
   */
  readonly gateway: ServiceEndpoint;
  /** The store the tunnel token is read from: the external-secrets component's `secretStore`. */
  readonly store: SecretStoreRef;
  /** The 1Password item holding the tunnel token. @default "cloudflare" */
  readonly tunnelItem?: string;
  /** The item's field with the token (`cloudflared tunnel token <tunnel>`). @default "CLOUDFLARE_TUNNEL_TOKEN" */
  readonly tunnelTokenField?: string;
  /**
   * The TLS server name cloudflared sends to the gateway and checks its certificate against.
   * @default `external.<domain>`, covered by the gateway's wildcard certificate
   */
  readonly originServerName?: string;
  /**
   * The tunnel's DNS record, published by external-dns from a `DNSEndpoint`: a CNAME to
   * `<tunnelId>.cfargotunnel.com`, proxied by Cloudflare. Point the external gateway's routes at it (envoy-gateway's
   * `externalDnsTarget`). Clusters sharing a zone each need their own. @default `external.<domain>`
   */
  readonly dnsName?: string;
  /**
   * The tunnel's id (a UUID, `cloudflared tunnel list`), or the `${VAR}` Flux substitutes it from; a variable must
   * be one of the cluster's (`settings.secretVariables`, a field of `cluster-secrets`). @default "${CLOUDFLARE_TUNNEL_ID}"
   */
  readonly tunnelId?: string;
  /** Namespace of the release. @default "network" */
  readonly namespace?: string;
  /** Tunnel replicas (each is one more connector to Cloudflare's edge). @default 2 */
  readonly replicas?: number;
}

export interface ResolvedCloudflaredOptions extends Required<CloudflaredOptions> {}

export function resolveOptions(options: CloudflaredOptions): ResolvedCloudflaredOptions {
  return {
    domain: options.domain,
    gateway: options.gateway,
    store: options.store,
    tunnelItem: options.tunnelItem ?? "cloudflare",
    tunnelTokenField: options.tunnelTokenField ?? "CLOUDFLARE_TUNNEL_TOKEN",
    originServerName: options.originServerName ?? `external.${options.domain}`,
    dnsName: options.dnsName ?? `external.${options.domain}`,
    tunnelId: options.tunnelId ?? `\${${TUNNEL_ID_VARIABLE}}`,
    namespace: options.namespace ?? "network",
    replicas: options.replicas ?? 2,
  };
}
