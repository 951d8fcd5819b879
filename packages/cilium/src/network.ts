import type { BgpSettings } from "@k8s-ops/core";
import { CiliumBGPAdvertisement } from "@kubernetes-models/cilium/cilium.io/v2/CiliumBGPAdvertisement";
import { CiliumBGPClusterConfig } from "@kubernetes-models/cilium/cilium.io/v2/CiliumBGPClusterConfig";
import { CiliumBGPPeerConfig } from "@kubernetes-models/cilium/cilium.io/v2/CiliumBGPPeerConfig";
import { CiliumLoadBalancerIPPool } from "@kubernetes-models/cilium/cilium.io/v2/CiliumLoadBalancerIPPool";
import { CiliumL2AnnouncementPolicy } from "@kubernetes-models/cilium/cilium.io/v2alpha1/CiliumL2AnnouncementPolicy";

export const POOL_NAME = "pool";
const PEER_CONFIG_NAME = "l3-router";
/** The label a PeerConfig selects its advertisements by. */
const ADVERTISE_LABEL = { "k8s-ops.dev/bgp": "loadbalancer" };
/** Services labelled `k8s-ops.dev/bgp: never` keep their LoadBalancer IP off BGP. */
const OPT_OUT = { key: "k8s-ops.dev/bgp", operator: "NotIn", values: ["never"] };

/**
 * The LoadBalancer IP pool (LB IPAM), in `blocks`, the only form Cilium ≥ 1.16 accepts. The first and last
 * addresses of the range stay unused: core's `loadBalancerAddressProblem` holds every builder's requested
 * address to that.
 */
export function loadBalancerPool(cidr: string): CiliumLoadBalancerIPPool {
  return new CiliumLoadBalancerIPPool({
    metadata: { name: POOL_NAME },
    spec: { allowFirstLastIPs: "No", blocks: [{ cidr }] },
  });
}

/**
 * The LoadBalancer range lies inside the flat node network, so hosts on it (the other cluster's nodes among them)
 * reach a LoadBalancer IP by ARP, not through the router: a node answers ARP for each address (L2 announcements),
 * while BGP gives the router, and everything behind it, the routes.
 */
export function l2AnnouncementPolicy(): CiliumL2AnnouncementPolicy {
  return new CiliumL2AnnouncementPolicy({
    metadata: { name: "loadbalancer-ips" },
    spec: {
      loadBalancerIPs: true,
      nodeSelector: { matchLabels: { "kubernetes.io/os": "linux" } },
    },
  });
}

/** BGP control plane v2: every node peers with the router and advertises the LoadBalancer IPs. */
export function bgpObjects(bgp: BgpSettings) {
  return [advertisement(), clusterConfig(bgp), peerConfig()];
}

function advertisement(): CiliumBGPAdvertisement {
  return new CiliumBGPAdvertisement({
    metadata: { labels: ADVERTISE_LABEL, name: "loadbalancer-services" },
    spec: {
      advertisements: [
        {
          advertisementType: "Service",
          selector: { matchExpressions: [OPT_OUT] },
          service: { addresses: ["LoadBalancerIP"] },
        },
      ],
    },
  });
}

function clusterConfig(bgp: BgpSettings): CiliumBGPClusterConfig {
  return new CiliumBGPClusterConfig({
    metadata: { name: PEER_CONFIG_NAME },
    spec: {
      bgpInstances: [
        {
          localASN: bgp.localAsn,
          name: `instance-${bgp.localAsn}`,
          peers: [
            {
              name: "router",
              peerASN: bgp.peerAsn,
              peerAddress: bgp.peerAddress,
              peerConfigRef: { name: PEER_CONFIG_NAME },
            },
          ],
        },
      ],
      nodeSelector: { matchLabels: { "kubernetes.io/os": "linux" } },
    },
  });
}

function peerConfig(): CiliumBGPPeerConfig {
  return new CiliumBGPPeerConfig({
    metadata: { name: PEER_CONFIG_NAME },
    spec: {
      families: [{ advertisements: { matchLabels: ADVERTISE_LABEL }, afi: "ipv4", safi: "unicast" }],
      gracefulRestart: { enabled: true, restartTimeSeconds: 120 },
    },
  });
}
