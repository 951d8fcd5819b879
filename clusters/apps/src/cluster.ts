import { certManager } from "@k8s-ops/cert-manager";
import { cilium } from "@k8s-ops/cilium";
import { defineCluster, defineSettings } from "@k8s-ops/core";
import { coredns } from "@k8s-ops/coredns";

/** The apps cluster: business and tenant workloads. */
export const settings = defineSettings({
  name: "apps",
  id: 2,
  network: {
    nodeCidr: "10.25.11.0/24",
    podCidr: "10.246.0.0/16",
    serviceCidr: "10.247.0.0/16",
    loadBalancerCidr: "10.25.11.96/27",
  },
  bgp: { localAsn: 65002, peerAsn: 65000, peerAddress: "10.25.11.1" },
  nodes: [
    { name: "apps-1", address: "10.25.11.14" },
    { name: "apps-2", address: "10.25.11.15" },
    { name: "apps-3", address: "10.25.11.16" },
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
