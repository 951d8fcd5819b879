import { fileURLToPath } from "node:url";
import { componentYaml, renderComponents } from "@k8s-ops/core";
import { appOf, helmValues, readmeShows, readmeYaml } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { rookCeph } from "./index.js";
import { base, gateways, kustomizations, nodes, settings } from "./test-support.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));

describe("rookCeph", () => {
  it("renders the README example: operator, CSI drivers and the cluster stage", async () => {
    // GIVEN the provider's settings, its storage nodes and the internal gateway (the README example)
    // README:start
    const rook = rookCeph({
      settings,
      nodes,
      dashboard: { gateway: gateways.gateways.internal, hostname: "ceph.${SECRET_DOMAIN}" },
    });
    // README:end
    // WHEN it is rendered with the gateway THEN it validates and matches the reviewed snapshot
    const yaml = componentYaml(rook, settings, [gateways]);
    await expect(yaml).toMatchFileSnapshot("__snapshots__/rook-ceph.default.yaml");
    // AND the README shows the example and excerpts of its YAML
    expect(readmeShows(README, fileURLToPath(import.meta.url))).toBe(true);
    for (const excerpt of readmeYaml(README).split(/^ *# …\n/m)) expect(yaml).toContain(excerpt);
  });

  it("orders operator → CSI drivers → cluster, none pruned, the cluster health-checked by its Ceph health", () => {
    // GIVEN the component WHEN rendered
    const files = renderComponents([rookCeph(base)], settings).files;
    const [operator, drivers, cluster] = kustomizations(files, [
      "rook-ceph",
      "ceph-csi-drivers",
      "rook-ceph-cluster",
    ]);
    // THEN the operator and drivers wait, the cluster stage depends on both and checks the CephCluster
    expect(operator?.spec.wait).toBe(true);
    expect([operator, drivers, cluster].map((ks) => ks?.spec.prune)).toEqual([false, false, false]);
    expect(drivers?.spec).toMatchObject({
      wait: true,
      dependsOn: [{ name: "rook-ceph", namespace: "rook-ceph" }],
    });
    expect(cluster?.spec.dependsOn).toEqual([
      { name: "ceph-csi-drivers", namespace: "rook-ceph" },
      { name: "rook-ceph", namespace: "rook-ceph" },
    ]);
    expect(cluster?.spec.healthChecks).toEqual([
      {
        apiVersion: "helm.toolkit.fluxcd.io/v2",
        kind: "HelmRelease",
        name: "rook-ceph-cluster",
        namespace: "rook-ceph",
      },
      { apiVersion: "ceph.rook.io/v1", kind: "CephCluster", name: "rook-ceph", namespace: "rook-ceph" },
    ]);
    expect(cluster?.spec.healthCheckExprs).toEqual([
      {
        apiVersion: "ceph.rook.io/v1",
        kind: "CephCluster",
        current:
          "has(status.ceph) && has(status.ceph.health) && status.ceph.health in ['HEALTH_OK', 'HEALTH_WARN']",
        failed: "has(status.ceph) && has(status.ceph.health) && status.ceph.health == 'HEALTH_ERR'",
      },
    ]);
  });

  it("installs the Rook CRDs with the operator on a privileged namespace", () => {
    const operator = appOf(rookCeph(base), "rook-ceph");
    expect(operator.crds).toEqual(["ceph.rook.io/*", "objectbucket.io/*", "csi.ceph.io/*"]);
    expect(operator.namespaceLabels).toEqual({ "pod-security.kubernetes.io/enforce": "privileged" });
    expect(helmValues(operator)).toEqual({ crds: { enabled: true }, monitoring: { enabled: false } });
  });

  it("defines the CephCluster on the nodes' devices, host networking, 3 mons and 2 mgrs on distinct storage nodes", () => {
    // GIVEN the component WHEN built THEN the cluster spec names every node and device
    const spec = helmValues(appOf(rookCeph(base), "rook-ceph-cluster")).cephClusterSpec as Record<
      string,
      unknown
    >;
    expect(spec).toMatchObject({
      mgr: { allowMultiplePerNode: false, count: 2 },
      mon: { allowMultiplePerNode: false, count: 3 },
      network: { provider: "host" },
      dashboard: { enabled: true, ssl: false },
    });
    expect(spec.storage).toEqual({
      useAllNodes: false,
      useAllDevices: false,
      nodes: nodes.map((node) => ({ name: node.name, devices: node.devices.map((name) => ({ name })) })),
    });
  });

  it("gives the chart a block pool, a filesystem and an object store with their classes, ceph-block the default", () => {
    const values = helmValues(appOf(rookCeph(base), "rook-ceph-cluster"));
    expect(values).toMatchObject({
      cephBlockPools: [{ name: "ceph-blockpool", storageClass: { name: "ceph-block", isDefault: true } }],
      cephFileSystems: [
        { name: "ceph-filesystem", storageClass: { name: "ceph-filesystem", pool: "data0" } },
      ],
      cephObjectStores: [{ name: "ceph-objectstore", storageClass: { name: "ceph-bucket" } }],
      cephBlockPoolsVolumeSnapshotClass: { enabled: true, name: "csi-ceph-blockpool" },
      cephFileSystemVolumeSnapshotClass: { enabled: true, name: "csi-ceph-filesystem" },
    });
  });

  it("exports typed references provided by the cluster stage of this cluster", () => {
    // GIVEN the component WHEN built THEN each class is a reference to rook-ceph/rook-ceph-cluster in cluster infra
    const rook = rookCeph(base);
    const provider = { name: "rook-ceph-cluster", namespace: "rook-ceph", cluster: "infra" };
    expect(rook.storageClasses.block).toEqual({
      type: "StorageClass",
      name: "ceph-block",
      namespace: undefined,
      provider,
    });
    expect(rook.storageClasses.bucket.name).toBe("ceph-bucket");
    expect(rook.snapshotClasses.filesystem).toEqual({
      type: "VolumeSnapshotClass",
      name: "csi-ceph-filesystem",
      namespace: undefined,
      provider,
    });
    expect(rook.services.dashboard).toMatchObject({
      name: "rook-ceph-mgr-dashboard",
      port: 7000,
      host: "rook-ceph-mgr-dashboard.rook-ceph.svc.cluster.local",
    });
  });

  it("exports what a consumer cluster needs: pools, filesystem, RGW, the mons on the nodes' addresses", () => {
    expect(rookCeph(base).external).toEqual({
      cluster: "infra",
      namespace: "rook-ceph",
      blockPool: "ceph-blockpool",
      filesystem: { name: "ceph-filesystem", dataPool: "ceph-filesystem-data0" },
      objectStore: {
        name: "ceph-objectstore",
        endpoint: "http://rook-ceph-rgw-ceph-objectstore.rook-ceph.svc.cluster.local:80",
      },
      monEndpoints: [
        { name: "node-1", address: "192.168.0.11", port: 6789 },
        { name: "node-2", address: "192.168.0.12", port: 6789 },
        { name: "node-3", address: "192.168.0.13", port: 6789 },
      ],
      requireMsgr2: false,
      connectionItem: "rook-ceph-external",
    });
  });
});
