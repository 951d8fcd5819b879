import type { ClusterSettings } from "@k8s-ops/core";
import { loadBalancerAddressProblem, OptionError } from "@k8s-ops/core";
import { type StoreSecret, storeSecret } from "@k8s-ops/external-secrets";
import { containsCidr, overlapCidr } from "cidr-tools";
import { CLUSTER_NAME_RULE, isClusterId, isClusterName, requireCidr, requireIpv4 } from "./net.js";
import type { MeshPeer, ResolvedCiliumOptions, ResolvedClusterMesh } from "./options.js";

/** Annotation asking LB IPAM for a given address. */
export const LBIPAM_IPS = "lbipam.cilium.io/ips";

/** A cluster as its mesh peers see it: its identity, pod CIDR and clustermesh-apiserver address. */
export function meshPeer(settings: ClusterSettings, apiServerIp: string, port?: number): MeshPeer {
  return {
    name: settings.name,
    id: settings.id,
    address: apiServerIp,
    podCidr: settings.network.podCidr,
    ...(port === undefined ? {} : { port }),
  };
}

export function checkClusterMesh(o: ResolvedCiliumOptions, mesh: ResolvedClusterMesh): void {
  checkApiServerIp(o.settings, mesh.apiServerIp);
  const taken = [
    { owner: "this cluster", name: o.settings.name, id: o.settings.id, podCidr: o.settings.network.podCidr },
  ];
  mesh.peers.forEach((peer, index) => {
    const path = `clusterMesh.peers[${index}]`;
    checkPeer(path, peer);
    checkUnique(path, peer, taken);
    if (!containsCidr(o.nativeRoutingCidr, peer.podCidr)) {
      throw new OptionError({
        path: "cilium: nativeRoutingCidr",
        message: "the native routing CIDR does not contain a mesh peer's pod CIDR",
        expected: `a range containing ${peer.podCidr} (${path}.podCidr)`,
        found: o.nativeRoutingCidr,
      });
    }
    taken.push({ owner: path, ...peer });
  });
}

/** The apiserver's address is one LB IPAM hands out from the cluster's pool. */
function checkApiServerIp(settings: ClusterSettings, ip: string): void {
  requireIpv4("clusterMesh.apiServerIp", ip);
  const problem = loadBalancerAddressProblem(ip, settings.network.loadBalancerCidr);
  if (problem) throw new OptionError({ path: "cilium: clusterMesh.apiServerIp", ...problem, found: ip });
}

function checkPeer(path: string, peer: Required<MeshPeer>): void {
  if (!isClusterName(peer.name)) {
    throw new OptionError({
      path: `cilium: ${path}.name`,
      message: "not a valid Cilium cluster name",
      expected: CLUSTER_NAME_RULE,
      found: JSON.stringify(peer.name),
    });
  }
  if (!isClusterId(peer.id)) {
    throw new OptionError({
      path: `cilium: ${path}.id`,
      message: "the cluster id is out of range",
      expected: "an integer in 1..255",
      found: String(peer.id),
    });
  }
  requireIpv4(`${path}.address`, peer.address);
  if (!Number.isInteger(peer.port) || peer.port < 1 || peer.port > 65535) {
    throw new OptionError({
      path: `cilium: ${path}.port`,
      message: "not a TCP port",
      expected: "an integer in 1..65535",
      found: String(peer.port),
    });
  }
  requireCidr(`${path}.podCidr`, peer.podCidr);
}

interface MeshMember {
  readonly owner: string;
  readonly name: string;
  readonly id: number;
  readonly podCidr: string;
}

/** Names and ids are unique in a mesh, and pod CIDRs do not overlap. */
function checkUnique(path: string, peer: MeshPeer, taken: readonly MeshMember[]): void {
  for (const other of taken) {
    const clash = clashOf(peer, other);
    if (!clash) continue;
    throw new OptionError({
      path: `cilium: ${path}.${clash.field}`,
      message: `the mesh peer's ${clash.what} clashes with ${other.owner}`,
      expected: clash.expected,
      found: clash.found,
    });
  }
}

function clashOf(peer: MeshPeer, other: MeshMember) {
  if (other.name === peer.name) {
    const expected = "a cluster name unique in the mesh";
    return { field: "name", what: "name", expected, found: JSON.stringify(peer.name) };
  }
  if (other.id === peer.id) {
    return { field: "id", what: "id", expected: "a cluster id unique in the mesh", found: String(peer.id) };
  }
  if (overlapCidr(other.podCidr, peer.podCidr)) {
    const expected = `a range disjoint from ${other.podCidr}`;
    return { field: "podCidr", what: "pod CIDR", expected, found: peer.podCidr };
  }
  return undefined;
}

/** The chart values for ClusterMesh: the apiserver behind a fixed LoadBalancer IP and every peer listed. */
export function meshValues(mesh: ResolvedClusterMesh): Record<string, unknown> {
  return {
    apiserver: { service: { annotations: { [LBIPAM_IPS]: mesh.apiServerIp }, type: "LoadBalancer" } },
    config: {
      clusters: mesh.peers.map((peer) => ({ ips: [peer.address], name: peer.name, port: peer.port })),
      enabled: true,
    },
    useAPIServer: true,
  };
}

/** The Secret the shared CA is written to and the release reads its `tls.ca` from. */
export const CA_SECRET = "cilium-ca-values";

/**
 * Where Flux reads the shared CA from: the chart's `tls.ca.cert` and `tls.ca.key`. Optional, so the first install
 * (at bootstrap, before the secret store runs) goes ahead with a CA the chart makes, and the shared one replaces it
 * as soon as the ExternalSecret has written it.
 */
export function caValuesFrom() {
  return [
    {
      kind: "Secret" as const,
      name: CA_SECRET,
      optional: true,
      targetPath: "tls.ca.cert",
      valuesKey: "ca.crt",
    },
    {
      kind: "Secret" as const,
      name: CA_SECRET,
      optional: true,
      targetPath: "tls.ca.key",
      valuesKey: "ca.key",
    },
  ];
}

/** Reads the CA item into the Secret, base64-encoded as the chart wants, and tells Flux when it changes. */
export function caExternalSecret(mesh: ResolvedClusterMesh): StoreSecret {
  const secret = storeSecret({
    name: "cilium-ca",
    store: mesh.ca.store,
    item: mesh.ca.item,
    targetName: CA_SECRET,
    template: { "ca.crt": '{{ index . "ca.crt" | b64enc }}', "ca.key": '{{ index . "ca.key" | b64enc }}' },
  });
  const template = secret.object.spec?.target?.template;
  if (template) template.metadata = { labels: { "reconcile.fluxcd.io/watch": "Enabled" } };
  return secret;
}
