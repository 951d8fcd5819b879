import { certManager } from "@k8s-ops/cert-manager";
import { cilium } from "@k8s-ops/cilium";
import { defineCluster, defineSettings } from "@k8s-ops/core";
import { coredns } from "@k8s-ops/coredns";

/** The infra cluster: platform services, storage and the observability hub. */
export const settings = defineSettings({
  name: "infra",
  id: 1,
  network: {
    nodeCidr: "10.25.11.0/24",
    podCidr: "10.244.0.0/16",
    serviceCidr: "10.245.0.0/16",
    loadBalancerCidr: "10.25.11.64/27",
  },
  bgp: { localAsn: 65001, peerAsn: 65000, peerAddress: "10.25.11.1" },
  nodes: [
    { name: "infra-1", address: "10.25.11.11" },
    { name: "infra-2", address: "10.25.11.12" },
    { name: "infra-3", address: "10.25.11.13" },
  ],
  // renovate: datasource=docker depName=ghcr.io/siderolabs/kubelet
  kubernetesVersion: "v1.35.0",
  // renovate: datasource=docker depName=ghcr.io/siderolabs/installer
  talosVersion: "v1.13.9",
});

export const cluster = defineCluster({
  settings,
  components: [cilium({ settings }), coredns({ settings }), certManager()],
});
