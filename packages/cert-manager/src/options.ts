export interface CertManagerOptions {
  /** Namespace of the release. @default "cert-manager" */
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

export function resolveOptions(options: CertManagerOptions = {}): ResolvedCertManagerOptions {
  return {
    namespace: options.namespace ?? "cert-manager",
    replicas: options.replicas ?? 1,
    dns01Nameservers: options.dns01Nameservers ?? [
      "https://1.1.1.1:443/dns-query",
      "https://1.0.0.1:443/dns-query",
    ],
  };
}
