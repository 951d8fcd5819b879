/**
 * Where a namespace's endpoints may connect beyond the baseline: `world`, anything outside the cluster (ACME, DNS
 * APIs, SaaS); `nodes`, the nodes themselves (Talos API, kubelets, host-network pods); `cluster`, every endpoint of
 * the cluster whatever its namespace.
 */
export type EgressTarget = "world" | "nodes" | "cluster";

export interface NetworkPoliciesOptions {
  /**
   * Namespaces left without default deny: the cluster's own plumbing, whose failure would take every namespace
   * down (CoreDNS, Cilium, Flux). @default ["kube-system", "flux-system"]
   */
  readonly exempt?: readonly string[];
  /** Namespace of the Envoy Gateway proxies, let in to every namespace. @default "network" */
  readonly gatewayNamespace?: string;
  /** Namespace of the metrics scrapers, let in to every namespace and out to the whole cluster. @default "observability" */
  readonly monitoringNamespace?: string;
  /**
   * Extra egress by namespace: ACME and DNS-01 checks, 1Password, the Cloudflare APIs and tunnel, the Talos API for
   * upgrades. @default { "cert-manager": ["world"], "external-secrets": ["world"], network: ["world"],
   * "system-upgrade": ["nodes"] }
   */
  readonly egress?: Readonly<Record<string, readonly EgressTarget[]>>;
}

export interface ResolvedNetworkPoliciesOptions extends Required<NetworkPoliciesOptions> {}

export const DEFAULT_EGRESS: Readonly<Record<string, readonly EgressTarget[]>> = {
  "cert-manager": ["world"],
  "external-secrets": ["world"],
  network: ["world"],
  "system-upgrade": ["nodes"],
};

export function resolveOptions(options: NetworkPoliciesOptions = {}): ResolvedNetworkPoliciesOptions {
  return {
    exempt: options.exempt ?? ["kube-system", "flux-system"],
    gatewayNamespace: options.gatewayNamespace ?? "network",
    monitoringNamespace: options.monitoringNamespace ?? "observability",
    egress: options.egress ?? DEFAULT_EGRESS,
  };
}
