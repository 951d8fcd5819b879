import type { GatewayRef, SecretStoreRef } from "@k8s-ops/core";

/** The Kubernetes sources external-dns can publish records for (a subset of its `--source` values). */
export type ExternalDnsSource =
  | "crd"
  | "gateway-grpcroute"
  | "gateway-httproute"
  | "gateway-tcproute"
  | "gateway-tlsroute"
  | "gateway-udproute"
  | "ingress"
  | "service";

export interface ExternalDnsOptions {
  /**
   * The owner id of this cluster's records (`txtOwnerId`), e.g. the cluster name. Each cluster writing to the same
   * zone needs its own, or they delete each other's records. Required.
   */
  readonly txtOwnerId: string;
  /** The zones records may be written to (`domainFilters`); each may be a `${VAR}` such as `${SECRET_DOMAIN}`. */
  readonly domainFilters: readonly string[];
  /** The store the Cloudflare API token is read from: the external-secrets component's `secretStore`. */
  readonly store: SecretStoreRef;
  /**
   * Publish only routes attached to this Gateway (`--gateway-name`/`--gateway-namespace`); the app then depends on
   * the Gateway's provider. @default none: routes of every Gateway
   */
  readonly gateway?: GatewayRef;
  /** Prefix of the TXT ownership records. @default "k8s." */
  readonly txtPrefix?: string;
  /** What to publish records for. @default ["crd", "gateway-grpcroute", "gateway-httproute"] */
  readonly sources?: readonly ExternalDnsSource[];
  /** Create records proxied through Cloudflare (`--cloudflare-proxied`). @default true */
  readonly proxied?: boolean;
  /** `sync` also deletes records it owns that no source wants any more; `upsert-only` never deletes. @default "sync" */
  readonly policy?: "sync" | "upsert-only";
  /** The 1Password item holding the Cloudflare API token. @default "cloudflare" */
  readonly cloudflareItem?: string;
  /** The item's field with the token (permission Zone:DNS:Edit on the zones). @default "CLOUDFLARE_API_TOKEN" */
  readonly cloudflareTokenField?: string;
  /** Namespace of the release. @default "network" */
  readonly namespace?: string;
  /** Render a ServiceMonitor (needs the Prometheus operator CRDs). @default false */
  readonly serviceMonitor?: boolean;
}

export interface ResolvedExternalDnsOptions extends Required<Omit<ExternalDnsOptions, "gateway">> {
  readonly gateway?: GatewayRef;
}

export function resolveOptions(options: ExternalDnsOptions): ResolvedExternalDnsOptions {
  return {
    txtOwnerId: options.txtOwnerId,
    domainFilters: options.domainFilters,
    store: options.store,
    gateway: options.gateway,
    txtPrefix: options.txtPrefix ?? "k8s.",
    sources: options.sources ?? ["crd", "gateway-grpcroute", "gateway-httproute"],
    proxied: options.proxied ?? true,
    policy: options.policy ?? "sync",
    cloudflareItem: options.cloudflareItem ?? "cloudflare",
    cloudflareTokenField: options.cloudflareTokenField ?? "CLOUDFLARE_API_TOKEN",
    namespace: options.namespace ?? "network",
    serviceMonitor: options.serviceMonitor ?? false,
  };
}
