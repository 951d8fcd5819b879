import { TUNNEL_ID_VARIABLE } from "@k8s-ops/cloudflared";
import { type ClusterSettings, defineSettings } from "@k8s-ops/core";
import { APPS_INVENTORY, INFRA_INVENTORY, inventoryNodes } from "@k8s-ops/talos";

/**
 * Values that must not be public; kept in each cluster's SOPS-encrypted `cluster-secrets`. The Cloudflare tunnel's id
 * differs per cluster: each runs its own tunnel.
 */
const SECRET_VARIABLES = ["SECRET_DOMAIN", TUNNEL_ID_VARIABLE];

/** The domain every cluster serves, substituted by Flux from `cluster-secrets` so that it stays out of git. */
export const DOMAIN = "${SECRET_DOMAIN}";

const shared = {
  bgpPeer: { peerAsn: 65000, peerAddress: "10.25.11.1" },
  nodeCidr: "10.25.11.0/24",
  // renovate: datasource=docker depName=ghcr.io/siderolabs/kubelet
  kubernetesVersion: "v1.35.0",
  // renovate: datasource=docker depName=ghcr.io/siderolabs/installer
  talosVersion: "v1.13.9",
} as const;

/** The infra cluster: platform services, storage and the observability hub. */
export const INFRA: ClusterSettings = defineSettings({
  name: "infra",
  id: 1,
  network: {
    nodeCidr: shared.nodeCidr,
    podCidr: "10.244.0.0/16",
    serviceCidr: "10.245.0.0/16",
    loadBalancerCidr: "10.25.11.64/27",
  },
  bgp: { localAsn: 65001, ...shared.bgpPeer },
  nodes: inventoryNodes(INFRA_INVENTORY),
  kubernetesVersion: shared.kubernetesVersion,
  talosVersion: shared.talosVersion,
  secretVariables: SECRET_VARIABLES,
});

/** The apps cluster: business and tenant workloads. */
export const APPS: ClusterSettings = defineSettings({
  name: "apps",
  id: 2,
  network: {
    nodeCidr: shared.nodeCidr,
    podCidr: "10.246.0.0/16",
    serviceCidr: "10.247.0.0/16",
    loadBalancerCidr: "10.25.11.96/27",
  },
  bgp: { localAsn: 65002, ...shared.bgpPeer },
  nodes: inventoryNodes(APPS_INVENTORY),
  kubernetesVersion: shared.kubernetesVersion,
  talosVersion: shared.talosVersion,
  secretVariables: SECRET_VARIABLES,
});

export const CLUSTERS = { infra: INFRA, apps: APPS } as const;
export type ClusterName = keyof typeof CLUSTERS;
