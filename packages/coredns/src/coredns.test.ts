import { fileURLToPath } from "node:url";
import { componentYaml, defineSettings, testSettings } from "@k8s-ops/core";
import { appOf, helmValues, readmeShows, readmeYaml } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { coredns } from "./index.js";
import { plugins } from "./test-support.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));

describe("coredns", () => {
  it("renders the README example and the README shows it", () => {
    // GIVEN the README example
    // README:start
    const settings = defineSettings({
      name: "apps",
      id: 2,
      network: {
        nodeCidr: "10.25.11.0/24",
        podCidr: "10.246.0.0/16",
        serviceCidr: "10.247.0.0/16",
        loadBalancerCidr: "10.25.11.96/27",
      },
      nodes: [{ name: "apps-1", address: "10.25.11.14" }],
      kubernetesVersion: "v1.35.0",
      talosVersion: "v1.13.9",
    });
    const dns = coredns({ settings });
    // README:end
    // WHEN it is rendered THEN it validates, and the README shows the example and the start of its YAML
    const yaml = componentYaml(dns, settings);
    expect(dns.serviceIp).toBe("10.247.0.10");
    expect(readmeShows(README, fileURLToPath(import.meta.url))).toBe(true);
    expect(yaml.startsWith(readmeYaml(README))).toBe(true);
  });

  it("renders the default component as the reviewed snapshot", async () => {
    // GIVEN the test cluster WHEN coredns is rendered with defaults THEN the YAML validates and matches
    await expect(componentYaml(coredns({ settings: testSettings() }))).toMatchFileSnapshot(
      "__snapshots__/coredns.default.yaml",
    );
  });

  it("takes over kube-dns at the tenth address of the service CIDR", () => {
    // GIVEN the test cluster (services 10.101.0.0/16) WHEN built
    const dns = coredns({ settings: testSettings() });
    // THEN the Service is kube-dns at .10, the pods carry k8s-app=kube-dns, and the image is pinned
    expect(helmValues(appOf(dns, "coredns"))).toMatchObject({
      fullnameOverride: "coredns",
      image: { repository: "mirror.gcr.io/coredns/coredns", tag: "1.14.6" },
      k8sAppLabelOverride: "kube-dns",
      priorityClassName: "system-cluster-critical",
      service: { clusterIP: "10.101.0.10", name: "kube-dns" },
    });
    expect(dns.apps[0]).toMatchObject({ layer: "controllers", prune: false });
    expect(dns.service).toMatchObject({
      type: "Service",
      name: "kube-dns",
      namespace: "kube-system",
      port: 53,
      host: "kube-dns.kube-system.svc.cluster.local",
      provider: { name: "coredns", namespace: "kube-system" },
    });
  });

  it("serves the cluster zone and forwards the rest to the node's resolver", () => {
    // GIVEN the default component WHEN its Corefile is read
    const corefile = plugins(coredns({ settings: testSettings() }));
    // THEN the kubernetes plugin serves cluster.local with verified pods (autopath needs them)
    expect(corefile.get("kubernetes")).toEqual({
      name: "kubernetes",
      parameters: "cluster.local in-addr.arpa ip6.arpa",
      configBlock: "pods verified\nfallthrough in-addr.arpa ip6.arpa",
    });
    expect(corefile.get("autopath")?.parameters).toBe("@kubernetes");
    expect(corefile.get("forward")?.parameters).toBe(". /etc/resolv.conf");
    expect([...corefile.keys()]).toEqual(
      expect.arrayContaining(["errors", "health", "ready", "prometheus", "cache", "loop", "reload"]),
    );
  });

  it("runs on control-plane nodes, spread one per node", () => {
    const values = helmValues(appOf(coredns({ settings: testSettings() }), "coredns"));
    expect(JSON.stringify(values.affinity)).toContain("node-role.kubernetes.io/control-plane");
    expect(values.topologySpreadConstraints).toEqual([
      {
        labelSelector: { matchLabels: { "k8s-app": "kube-dns" } },
        maxSkew: 1,
        topologyKey: "kubernetes.io/hostname",
        whenUnsatisfiable: "DoNotSchedule",
      },
    ]);
    expect(values.podDisruptionBudget).toEqual({ maxUnavailable: 1 });
  });
});
