import type { SecretStoreRef } from "@k8s-ops/core";

export interface CertManagerOptions {
  /** The store the Cloudflare API token is read from: the external-secrets component's `secretStore`. */
  readonly store: SecretStoreRef;
  /** The ACME account email Let's Encrypt writes to about expiring certificates; may be a `${VAR}`. */
  readonly email: string;
  /**
   * The Cloudflare zones the issuers solve DNS-01 challenges in (their solver's `selector.dnsZones`); each may be
   * or contain a `${VAR}` such as `${SECRET_DOMAIN}`, which Flux substitutes from the cluster secrets.
   */
  readonly dnsZones: readonly string[];
  /** The 1Password item holding the Cloudflare API token. @default "cloudflare" */
  readonly cloudflareItem?: string;
  /** The item's field with the token (permission Zone:DNS:Edit on the zones). @default "CLOUDFLARE_API_TOKEN" */
  readonly cloudflareTokenField?: string;
  /** Namespace of the release, the issuers' token Secret and the ACME account keys. @default "cert-manager" */
  readonly namespace?: string;
  /** Controller replicas. @default 1 */
  readonly replicas?: number;
  /**
   * Resolvers cert-manager asks when it checks DNS-01 records, over DNS-over-HTTPS so split-horizon DNS at home
   * cannot hide them. @default ["https://1.1.1.1:443/dns-query", "https://1.0.0.1:443/dns-query"]
   */
  readonly dns01Nameservers?: readonly string[];
}

export interface ResolvedCertManagerOptions extends Required<CertManagerOptions> {}

export function resolveOptions(options: CertManagerOptions): ResolvedCertManagerOptions {
  return {
    store: options.store,
    email: options.email,
    dnsZones: options.dnsZones,
    cloudflareItem: options.cloudflareItem ?? "cloudflare",
    cloudflareTokenField: options.cloudflareTokenField ?? "CLOUDFLARE_API_TOKEN",
    namespace: options.namespace ?? "cert-manager",
    replicas: options.replicas ?? 1,
    dns01Nameservers: options.dns01Nameservers ?? [
      "https://1.1.1.1:443/dns-query",
      "https://1.0.0.1:443/dns-query",
    ],
  };
}
