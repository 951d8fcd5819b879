import type { BgpSettings } from "@k8s-ops/core";
import { CiliumBGPAdvertisement } from "@kubernetes-models/cilium/cilium.io/v2/CiliumBGPAdvertisement";
import { CiliumBGPClusterConfig } from "@kubernetes-models/cilium/cilium.io/v2/CiliumBGPClusterConfig";
import { CiliumBGPPeerConfig } from "@kubernetes-models/cilium/cilium.io/v2/CiliumBGPPeerConfig";
import { CiliumLoadBalancerIPPool } from "@kubernetes-models/cilium/cilium.io/v2/CiliumLoadBalancerIPPool";

export const POOL_NAME = "pool";
const ADVERTISE_LABEL = { "k8s-ops.dev/bgp": "loadbalancer" };

/** The LoadBalancer IP pool (LB IPAM), in `blocks`, the only form Cilium ≥ 1.16 accepts. */
export function loadBalancerPool(cidr: string): CiliumLoadBalancerIPPool {
  return new CiliumLoadBalancerIPPool({
    metadata: { name: POOL_NAME },
    spec: { allowFirstLastIPs: "No", blocks: [{ cidr }] },
  });
}

/** BGP control plane v2: every node peers with the router and advertises LoadBalancer IPs. */
export function bgpObjects(bgp: BgpSettings) {
  const peerConfig = new CiliumBGPPeerConfig({
    metadata: { name: "l3-router" },
    spec: {
      families: [{ advertisements: { matchLabels: ADVERTISE_LABEL }, afi: "ipv4", safi: "unicast" }],
      gracefulRestart: { enabled: true, restartTimeSeconds: 120 },
    },
  });
  const clusterConfig = new CiliumBGPClusterConfig({
    metadata: { name: "l3-router" },
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
              peerConfigRef: { name: "l3-router" },
            },
          ],
        },
      ],
      nodeSelector: { matchLabels: { "kubernetes.io/os": "linux" } },
    },
  });
  const advertisement = new CiliumBGPAdvertisement({
    metadata: { labels: ADVERTISE_LABEL, name: "loadbalancer-services" },
    spec: {
      advertisements: [
        {
          advertisementType: "Service",
          selector: { matchExpressions: [{ key: "k8s-ops.dev/bgp", operator: "NotIn", values: ["never"] }] },
          service: { addresses: ["LoadBalancerIP"] },
        },
      ],
    },
  });
  return [advertisement, clusterConfig, peerConfig];
}
