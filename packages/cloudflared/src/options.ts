import type { SecretStoreRef, ServiceEndpoint } from "@k8s-ops/core";

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
    namespace: options.namespace ?? "network",
    replicas: options.replicas ?? 2,
  };
}
