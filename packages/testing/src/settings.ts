/** Cluster settings the packages' tests render with. */
import { type ClusterSettings, testSettings } from "@k8s-ops/core";

/** The test cluster, with the domain kept in the cluster secrets (`${SECRET_DOMAIN}`). */
export const SECRET_DOMAIN_SETTINGS: ClusterSettings = testSettings({ secretVariables: ["SECRET_DOMAIN"] });

/** The platform's two clusters, as its settings describe them. */
export const PLATFORM_SETTINGS: { readonly infra: ClusterSettings; readonly apps: ClusterSettings } = {
  infra: testSettings({
    name: "infra",
    id: 1,
    network: {
      nodeCidr: "10.25.11.0/24",
      podCidr: "10.244.0.0/16",
      serviceCidr: "10.245.0.0/16",
      loadBalancerCidr: "10.25.11.64/27",
    },
    nodes: [{ name: "infra-1", address: "10.25.11.11" }],
  }),
  apps: testSettings({
    name: "apps",
    id: 2,
    network: {
      nodeCidr: "10.25.11.0/24",
      podCidr: "10.246.0.0/16",
      serviceCidr: "10.247.0.0/16",
      loadBalancerCidr: "10.25.11.96/27",
    },
    nodes: [{ name: "apps-1", address: "10.25.11.14" }],
  }),
};
