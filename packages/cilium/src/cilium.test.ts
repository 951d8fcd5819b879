import { fileURLToPath } from "node:url";
import { componentYaml, defineSettings, renderComponents, testSettings } from "@k8s-ops/core";
import { externalSecrets } from "@k8s-ops/external-secrets";
import { appOf, objectsOf, readmeShows, readmeYaml } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { cilium } from "./index.js";
import { agentValues } from "./test-support.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));

describe("cilium", () => {
  it("renders the README example and the README shows it", () => {
    // GIVEN the README example
    // README:start
    const settings = defineSettings({
      name: "infra",
      id: 1,
      network: {
        nodeCidr: "10.25.11.0/24",
        podCidr: "10.244.0.0/16",
        serviceCidr: "10.245.0.0/16",
        loadBalancerCidr: "10.25.11.64/27",
      },
      bgp: { localAsn: 65001, peerAsn: 65000, peerAddress: "10.25.11.1" },
      nodes: [{ name: "infra-1", address: "10.25.11.11" }],
      kubernetesVersion: "v1.35.0",
      talosVersion: "v1.13.9",
    });
    const secrets = externalSecrets({ vault: "k8s-infra" });
    const network = cilium({
      settings,
      nativeRoutingCidr: "10.244.0.0/14",
      clusterMesh: {
        apiServerIp: "10.25.11.65",
        ca: { store: secrets.secretStore, item: "cilium-ca" },
        peers: [{ name: "apps", id: 2, address: "10.25.11.97", podCidr: "10.246.0.0/16" }],
      },
    });
    // README:end
    // WHEN it is rendered THEN it validates, and the README shows the example and the start of its YAML
    const yaml = componentYaml(network, settings, [secrets]);
    expect(readmeShows(README, fileURLToPath(import.meta.url))).toBe(true);
    expect(yaml.startsWith(readmeYaml(README))).toBe(true);
  });

  it("renders the default component as the reviewed snapshot", async () => {
    // GIVEN the test cluster WHEN cilium is rendered with defaults THEN the YAML validates and matches
    await expect(componentYaml(cilium({ settings: testSettings() }))).toMatchFileSnapshot(
      "__snapshots__/cilium.default.yaml",
    );
  });

  it("configures the agent for Talos with kube-proxy replacement and native routing", () => {
    // GIVEN the test cluster WHEN built with defaults
    const values = agentValues(cilium({ settings: testSettings() }));
    // THEN KubePrism, Talos' cgroup mount, capabilities without SYS_MODULE and native routing are set
    expect(values).toMatchObject({
      autoDirectNodeRoutes: true,
      bpf: { hostLegacyRouting: true, masquerade: true },
      cgroup: { autoMount: { enabled: false }, hostRoot: "/sys/fs/cgroup" },
      cluster: { id: 9, name: "test" },
      ipam: { mode: "kubernetes" },
      ipv4NativeRoutingCIDR: "10.100.0.0/16",
      k8sServiceHost: "127.0.0.1",
      k8sServicePort: 7445,
      kubeProxyReplacement: true,
      routingMode: "native",
    });
    const capabilities = values.securityContext as { capabilities: Record<string, string[]> };
    expect(capabilities.capabilities.ciliumAgent).not.toContain("SYS_MODULE");
    expect(capabilities.capabilities.cleanCiliumState).toEqual(["NET_ADMIN", "SYS_ADMIN", "SYS_RESOURCE"]);
  });

  it("never prunes the CNI and gates its configuration stage on the agent", () => {
    // GIVEN the default component
    const network = cilium({ settings: testSettings() });
    // WHEN it is rendered
    const rendered = renderComponents([network]).files.get("apps/kube-system/cilium/ks.yaml") ?? "";
    // THEN the agent installs the cilium.io CRDs, is waited for and never pruned; the pool is a later stage
    expect(appOf(network, "cilium")).toMatchObject({ crds: ["cilium.io/*"], prune: false, wait: true });
    expect(appOf(network, "cilium-config")).toMatchObject({
      layer: "config",
      folder: "cilium",
      dir: "config",
    });
    expect(rendered).toContain("dependsOn:\n    - name: cilium\n      namespace: kube-system");
  });

  it("allocates LoadBalancer IPs from the cluster's range in blocks", () => {
    // GIVEN the test cluster WHEN built
    const [pool] = objectsOf(
      appOf(cilium({ settings: testSettings() }), "cilium-config"),
      "CiliumLoadBalancerIPPool",
    );
    // THEN one cilium.io/v2 pool holds the range, first and last address excluded
    expect(pool).toMatchObject({
      apiVersion: "cilium.io/v2",
      spec: { allowFirstLastIPs: "No", blocks: [{ cidr: "192.168.0.128/27" }] },
    });
  });
});
