import { containsCidr, overlapCidr, parseCidr } from "cidr-tools";
import type { Finding } from "./errors.js";
import { ValidationError } from "./errors.js";

/** A Talos node of the cluster. */
export interface NodeSettings {
  readonly name: string;
  readonly address: string;
}

/** BGP peering of the cluster's nodes with the upstream router. */
export interface BgpSettings {
  readonly localAsn: number;
  readonly peerAsn: number;
  readonly peerAddress: string;
}

export interface NetworkSettings {
  /** The node network every node address and the LoadBalancer pool lie in. */
  readonly nodeCidr: string;
  readonly podCidr: string;
  readonly serviceCidr: string;
  /** LoadBalancer IPs (Cilium LB IPAM), a CIDR inside the node network. */
  readonly loadBalancerCidr: string;
}

/** What makes a cluster this cluster: identity, network, nodes, versions. */
export interface ClusterSettings {
  /** Cluster name (Cilium `cluster.name`, CLUSTER_NAME): ≤ 32 chars of `[a-z0-9-]`, not `default`. */
  readonly name: string;
  /** Cluster id (Cilium `cluster.id`, CLUSTER_ID): unique in 1..255. */
  readonly id: number;
  readonly network: NetworkSettings;
  readonly bgp?: BgpSettings;
  readonly nodes: readonly NodeSettings[];
  readonly kubernetesVersion: string;
  readonly talosVersion: string;
  /**
   * Names of the keys of the SOPS-encrypted `cluster-secrets` Secret: values that must not be public. Only the
   * names live here, so `${VAR}` checks know them. @default []
   */
  readonly secretVariables?: readonly string[];
}

const CLUSTER_NAME = /^([a-z0-9][-a-z0-9]*)?[a-z0-9]$/;

/** Checks the settings of one cluster and returns them unchanged; throws with every problem found. */
export function defineSettings(settings: ClusterSettings): ClusterSettings {
  const findings = settingsFindings(settings);
  if (findings.length > 0) throw new ValidationError(findings);
  return settings;
}

export function settingsFindings(settings: ClusterSettings): Finding[] {
  return [...identityFindings(settings), ...networkFindings(settings), ...bgpFindings(settings)];
}

const MAX_ASN = 4_294_967_295;

function bgpFindings({ name, bgp, network }: ClusterSettings): Finding[] {
  if (!bgp) return [];
  const path = `settings/${name}`;
  const findings: Finding[] = [];
  for (const field of ["localAsn", "peerAsn"] as const) {
    const asn = bgp[field];
    if (!Number.isInteger(asn) || asn < 1 || asn > MAX_ASN) {
      findings.push({
        code: "SETTINGS",
        path: `${path}: bgp.${field}`,
        message: "not a BGP AS number",
        expected: `an integer in 1..${MAX_ASN}`,
        found: String(asn),
      });
    }
  }
  if (bgp.localAsn === bgp.peerAsn) {
    findings.push({
      code: "SETTINGS",
      path: `${path}: bgp.localAsn`,
      message: "the cluster peers over eBGP, so its AS must differ from the router's",
      expected: `an AS other than ${bgp.peerAsn}`,
      found: String(bgp.localAsn),
    });
  }
  if (!isCidr(network.nodeCidr, true)) return findings;
  if (!isCidr(bgp.peerAddress) || !containsCidr(network.nodeCidr, bgp.peerAddress)) {
    findings.push({
      code: "SETTINGS",
      path: `${path}: bgp.peerAddress`,
      message: "the BGP peer is not on the node network",
      expected: `an address inside ${network.nodeCidr}`,
      found: bgp.peerAddress,
    });
  }
  return findings;
}

function identityFindings({ name, id }: ClusterSettings): Finding[] {
  const findings: Finding[] = [];
  const path = `settings/${name}`;
  if (name.length > 32 || !CLUSTER_NAME.test(name) || name === "default") {
    findings.push({
      code: "SETTINGS",
      path: `${path}: name`,
      message: "cluster name is not a valid Cilium cluster name",
      expected: "≤ 32 characters matching ^([a-z0-9][-a-z0-9]*)?[a-z0-9]$, not 'default'",
      found: JSON.stringify(name),
    });
  }
  if (!Number.isInteger(id) || id < 1 || id > 255) {
    findings.push({
      code: "SETTINGS",
      path: `${path}: id`,
      message: "cluster id is out of range",
      expected: "an integer in 1..255",
      found: String(id),
    });
  }
  return findings;
}

function networkFindings(settings: ClusterSettings): Finding[] {
  const { network } = settings;
  const path = `settings/${settings.name}`;
  const ranges = Object.entries(network) as [keyof NetworkSettings, string][];
  const invalid = ranges.filter(([, cidr]) => !isCidr(cidr, true));
  if (invalid.length > 0) {
    return invalid.map(([field, cidr]) => ({
      code: "SETTINGS",
      path: `${path}: network.${field}`,
      message: "not a CIDR",
      expected: "an IPv4 or IPv6 CIDR such as 10.244.0.0/16",
      found: JSON.stringify(cidr),
    }));
  }
  return [
    ...disjointFindings(path, network),
    ...insideFindings(path, "network.loadBalancerCidr", network.nodeCidr, [network.loadBalancerCidr]),
    ...insideFindings(
      path,
      "nodes[].address",
      network.nodeCidr,
      settings.nodes.map((node) => node.address),
    ),
  ];
}

function disjointFindings(path: string, network: NetworkSettings): Finding[] {
  const pairs: [keyof NetworkSettings, keyof NetworkSettings][] = [
    ["podCidr", "serviceCidr"],
    ["podCidr", "nodeCidr"],
    ["serviceCidr", "nodeCidr"],
  ];
  return pairs
    .filter(([a, b]) => overlapCidr(network[a], network[b]))
    .map(([a, b]) => ({
      code: "SETTINGS",
      path: `${path}: network.${a}`,
      message: `network.${a} overlaps network.${b}`,
      expected: `a range disjoint from ${network[b]}`,
      found: network[a],
    }));
}

function insideFindings(path: string, field: string, outer: string, inner: readonly string[]): Finding[] {
  return inner
    .filter((cidr) => !isCidr(cidr) || !containsCidr(outer, cidr))
    .map((cidr) => ({
      code: "SETTINGS",
      path: `${path}: ${field}`,
      message: `${field} is not inside the node network`,
      expected: `inside ${outer}`,
      found: cidr,
    }));
}

/** A CIDR (or, unless `requirePrefix`, a bare address) with a prefix length its address family allows. */
function isCidr(value: string, requirePrefix = false): boolean {
  try {
    const { version, prefix, prefixPresent } = parseCidr(value);
    return (prefixPresent || !requirePrefix) && Number(prefix) <= (version === 4 ? 32 : 128);
  } catch {
    return false;
  }
}

/** The public settings Flux substitutes as `${VAR}` (the `cluster-settings` ConfigMap). */
export function settingsVariables(settings: ClusterSettings): Record<string, string> {
  return {
    CLUSTER_ID: String(settings.id),
    CLUSTER_NAME: settings.name,
    CLUSTER_LB_CIDR: settings.network.loadBalancerCidr,
    CLUSTER_NODE_CIDR: settings.network.nodeCidr,
    CLUSTER_POD_CIDR: settings.network.podCidr,
    CLUSTER_SERVICE_CIDR: settings.network.serviceCidr,
    KUBERNETES_VERSION: settings.kubernetesVersion,
    TALOS_VERSION: settings.talosVersion,
  };
}
