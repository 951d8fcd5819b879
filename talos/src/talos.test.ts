import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { defineSettings, renderCluster, yamlFile } from "@k8s-ops/core";
import { describe, expect, it } from "vitest";
import { APPS_INVENTORY, DEFAULT_SCHEMATIC, INFRA_INVENTORY, inventoryNodes, talosFiles } from "./index.js";
import { codeShape, fileDocuments, platformSettings, readmeExample } from "./test-support.js";

const README = readFileSync(fileURLToPath(new URL("../README.md", import.meta.url)), "utf8");

describe("talosFiles", () => {
  it("renders the README example", async () => {
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
      nodes: inventoryNodes(INFRA_INVENTORY),
      kubernetesVersion: "v1.35.0",
      talosVersion: "v1.13.9",
    });
    const files = talosFiles(settings, INFRA_INVENTORY);
    // README:end
    // WHEN the files are written as the cluster renders them THEN they match the reviewed snapshot
    const yaml = files
      .map((file) => `# ---- ${file.path}\n${yamlFile(file.documents, file.schema)}`)
      .join("\n");
    await expect(yaml).toMatchFileSnapshot("__snapshots__/talos.default.yaml");
    // AND the README shows this very example and the start of the snapshot
    expect(codeShape(README)).toContain(codeShape(readmeExample(fileURLToPath(import.meta.url))));
    expect(README).toContain(yaml.split("\n").slice(0, 12).join("\n"));
  });

  it("writes one cluster patch, one control-plane patch and one patch per machine, with the schema", () => {
    // GIVEN the apps cluster WHEN rendered
    const files = talosFiles(platformSettings("apps"), APPS_INVENTORY);
    // THEN the paths follow the inventory and every file names the Talos 1.13.9 schema
    expect(files.map((file) => file.path)).toEqual([
      "talos/cluster.yaml",
      "talos/controlplane.yaml",
      "talos/nodes/apps-1.yaml",
      "talos/nodes/apps-2.yaml",
      "talos/nodes/apps-3.yaml",
    ]);
    expect(new Set(files.map((file) => file.schema))).toEqual(
      new Set([
        "https://raw.githubusercontent.com/siderolabs/talos/refs/tags/v1.13.9/website/content/v1.13/schemas/config.schema.json",
      ]),
    );
  });

  it("takes the pod and service subnets, node network and versions from the settings", () => {
    // GIVEN settings with other subnets and versions
    const settings = platformSettings("infra", {
      network: {
        nodeCidr: "10.25.11.0/24",
        podCidr: "10.100.0.0/16",
        serviceCidr: "10.101.0.0/16",
        loadBalancerCidr: "10.25.11.64/27",
      },
      kubernetesVersion: "v1.36.1",
      talosVersion: "v1.13.10",
    });
    // WHEN rendered
    const files = talosFiles(settings, INFRA_INVENTORY);
    // THEN the output follows them
    const [cluster] = fileDocuments(files, "talos/cluster.yaml");
    expect(cluster).toMatchObject({
      cluster: {
        clusterName: "infra",
        network: { podSubnets: ["10.100.0.0/16"], serviceSubnets: ["10.101.0.0/16"] },
      },
      machine: {
        install: { image: `factory.talos.dev/installer/${DEFAULT_SCHEMATIC}:v1.13.10` },
        kubelet: { image: "ghcr.io/siderolabs/kubelet:v1.36.1", nodeIP: { validSubnets: ["10.25.11.0/24"] } },
      },
    });
    const [controlPlane] = fileDocuments(files, "talos/controlplane.yaml");
    expect(controlPlane).toMatchObject({
      cluster: {
        apiServer: { image: "registry.k8s.io/kube-apiserver:v1.36.1" },
        etcd: { advertisedSubnets: ["10.25.11.0/24"] },
      },
    });
    expect(files[0]?.schema).toContain("/refs/tags/v1.13.10/website/content/v1.13/");
  });

  it("leaves CNI, kube-proxy and CoreDNS to Flux and serves the API on KubePrism port 7445", () => {
    // GIVEN the infra cluster WHEN rendered
    const files = talosFiles(platformSettings("infra"), INFRA_INVENTORY);
    // THEN Cilium (kube-proxy replacement via 127.0.0.1:7445) and CoreDNS come from Flux, not from Talos
    const [cluster] = fileDocuments(files, "talos/cluster.yaml");
    expect(cluster).toMatchObject({
      cluster: { network: { cni: { name: "none" } }, controlPlane: { endpoint: "https://10.25.11.10:6443" } },
      machine: {
        features: {
          kubePrism: { enabled: true, port: 7445 },
          hostDNS: { enabled: true, forwardKubeDNSToHost: true, resolveMemberNames: true },
        },
      },
    });
    const [controlPlane] = fileDocuments(files, "talos/controlplane.yaml");
    expect(controlPlane).toMatchObject({
      cluster: {
        proxy: { disabled: true },
        coreDNS: { disabled: true },
        allowSchedulingOnControlPlanes: true,
      },
      machine: {
        features: {
          kubernetesTalosAPIAccess: {
            enabled: true,
            allowedRoles: ["os:admin"],
            allowedKubernetesNamespaces: ["system-upgrade"],
          },
        },
      },
    });
  });

  it("keeps unpacked image layers for Spegel", () => {
    // GIVEN the apps cluster WHEN rendered THEN containerd's CRI customisation is on every machine
    const [cluster] = fileDocuments(
      talosFiles(platformSettings("apps"), APPS_INVENTORY),
      "talos/cluster.yaml",
    );
    expect(cluster).toMatchObject({
      machine: {
        files: [
          {
            op: "create",
            path: "/etc/cri/conf.d/20-customization.part",
            content: '[plugins."io.containerd.cri.v1.images"]\n  discard_unpacked_layers = false\n',
          },
        ],
      },
    });
  });

  it("puts the control-plane VIP on the bond", () => {
    // GIVEN the apps cluster WHEN rendered THEN its VIP 10.25.11.20 is announced on bond0 by the control plane
    const documents = fileDocuments(
      talosFiles(platformSettings("apps"), APPS_INVENTORY),
      "talos/controlplane.yaml",
    );
    expect(documents[1]).toEqual({
      apiVersion: "v1alpha1",
      kind: "Layer2VIPConfig",
      name: "10.25.11.20",
      link: "bond0",
    });
  });

  it("renders into the cluster's folder beside the Flux tree without a finding", () => {
    // GIVEN the apps cluster with its Talos files and no component
    const settings = platformSettings("apps");
    const files = talosFiles(settings, APPS_INVENTORY);
    // WHEN the cluster is rendered
    const rendered = renderCluster({ settings, components: [], files }, { root: "clusters/apps" });
    // THEN the files are there, with the generated header and the schema modeline
    expect(rendered.findings).toEqual([]);
    expect(rendered.files.get("talos/nodes/apps-3.yaml")).toMatch(
      /^# Code generated by k8s-ops\. DO NOT EDIT\.\n# yaml-language-server: \$schema=https:\/\/raw\.githubusercontent\.com\/siderolabs\/talos\//,
    );
  });
});
