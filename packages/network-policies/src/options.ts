/**
 * Where a namespace's endpoints may connect beyond the baseline: `world`, anything outside the cluster (ACME, DNS
 * APIs, SaaS); `nodes`, the nodes themselves (Talos API, kubelets, host-network pods), the nodes of meshed clusters
 * included; `cluster`, every endpoint of the cluster whatever its namespace.
 */
export type EgressEntity = "world" | "nodes" | "cluster";

/** A port, or a range of ports from `port` to `endPort`. */
export interface PortRange {
  readonly port: number;
  /** The last port of the range. @default port: one port */
  readonly endPort?: number;
  /** @default "TCP" */
  readonly protocol?: "TCP" | "UDP";
}

/** A TCP port, or a range of ports. */
export type Port = number | PortRange;

/** Some ports of an entity: the Ceph daemons on the nodes, HTTPS to the world. */
export interface EntityPorts {
  readonly entity: EgressEntity;
  /** At least one. */
  readonly ports: readonly Port[];
}

/**
 * Addresses outside the cluster, as CIDRs (`10.25.11.72/32` for one address), and their ports. Cilium matches a
 * CIDR only where it knows no endpoint or node for the address: the cluster's pods and nodes, and the nodes of meshed
 * clusters, are reached by entity (`nodes`, `cluster`), not by CIDR.
 */
export interface CidrPorts {
  /** At least one. */
  readonly cidrs: readonly string[];
  /** @default every port */
  readonly ports?: readonly Port[];
}

/** An entity (all of it), some ports of an entity, or addresses outside the cluster. */
export type EgressTarget = EgressEntity | EntityPorts | CidrPorts;

/** Clients outside the cluster a namespace takes connections from (another cluster's nodes, say), on its ports. */
export type IngressSource = CidrPorts;

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
  /** Extra ingress by namespace, from addresses outside the cluster. @default {} */
  readonly ingress?: Readonly<Record<string, readonly IngressSource[]>>;
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
    ingress: options.ingress ?? {},
  };
}
