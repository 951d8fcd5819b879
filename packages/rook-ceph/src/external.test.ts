import { fileURLToPath } from "node:url";
import { type AppRef, componentYaml, renderComponents } from "@k8s-ops/core";
import { appOf, helmValues, objectsOf, readmeShows } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { type RookExport, rookCeph, rookCephExternal } from "./index.js";
import { appsSettings, base, kustomizations, secrets } from "./test-support.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));

const rook = rookCeph(base);
const external = (source: RookExport = rook.external) =>
  rookCephExternal({ source, store: secrets.secretStore });

describe("rookCephExternal", () => {
  it("renders the README example: operator, drivers, import and the external cluster stage", async () => {
    // GIVEN the provider's export and the consumer's secret store (the README example)
    // EXTERNAL:start
    const consumer = rookCephExternal({ source: rook.external, store: secrets.secretStore });
    // EXTERNAL:end
    // WHEN it is rendered with the store THEN it validates and matches the reviewed snapshot
    await expect(componentYaml(consumer, appsSettings, [secrets])).toMatchFileSnapshot(
      "__snapshots__/rook-ceph-external.default.yaml",
    );
    expect(readmeShows(README, fileURLToPath(import.meta.url), "EXTERNAL")).toBe(true);
  });

  it("installs the chart in external mode: no pools, filesystems or object stores, no crash collector", () => {
    expect(helmValues(appOf(external(), "rook-ceph-cluster"))).toMatchObject({
      cephClusterSpec: { external: { enable: true }, crashCollector: { disable: true } },
      cephBlockPools: [],
      cephFileSystems: [],
      cephObjectStores: [],
      operatorNamespace: "rook-ceph",
    });
  });

  it("imports the connection Secrets from the store and renders the mon endpoints from the export", () => {
    // GIVEN the component WHEN built
    const imports = appOf(external(), "rook-ceph-import");
    const secretsOf = objectsOf(imports, "ExternalSecret");
    // THEN the Secrets are the ones import-external-cluster.sh creates, all read from the export's item
    expect(secretsOf.map((s) => (s.spec as { target: { name: string } }).target.name)).toEqual([
      "rook-ceph-mon",
      "rook-csi-rbd-node",
      "rook-csi-rbd-provisioner",
      "rook-csi-cephfs-node",
      "rook-csi-cephfs-provisioner",
    ]);
    expect(secretsOf[1]?.spec).toEqual({
      dataFrom: [{ extract: { key: "rook-ceph-external" } }],
      secretStoreRef: { kind: "ClusterSecretStore", name: "onepassword-connect" },
      target: {
        name: "rook-csi-rbd-node",
        template: {
          engineVersion: "v2",
          data: { userID: "{{ .CSI_RBD_NODE_SECRET_NAME }}", userKey: "{{ .CSI_RBD_NODE_SECRET }}" },
        },
      },
    });
    expect(objectsOf(imports, "ConfigMap")).toEqual([
      {
        apiVersion: "v1",
        kind: "ConfigMap",
        metadata: {
          annotations: { "kustomize.toolkit.fluxcd.io/ssa": "IfNotPresent" },
          name: "rook-ceph-mon-endpoints",
        },
        data: {
          data: "node-1=192.168.0.11:6789,node-2=192.168.0.12:6789,node-3=192.168.0.13:6789",
          mapping: "{}",
          maxMonId: "2",
        },
      },
    ]);
    expect(imports.uses).toEqual([secrets.secretStore]);
  });

  it("seeds the mon endpoints once and leaves them to the operator, which rewrites them from the mon map", () => {
    // GIVEN the rendered import stage
    const files = renderComponents([secrets, external()], appsSettings).files;
    // WHEN the ConfigMap's file is read
    const text = files.get("apps/rook-ceph/rook-ceph/import/configmap.yaml") ?? "";
    // THEN Flux creates it only where it is missing, and never prunes it with the stage
    expect(text).toContain("kustomize.toolkit.fluxcd.io/ssa: IfNotPresent");
    expect(kustomizations(files, ["rook-ceph-import"])[0]?.spec).toMatchObject({ prune: false });
  });

  it("orders the cluster stage after the operator, the drivers and the import stage, which waits for the store", () => {
    const files = renderComponents([secrets, external()], appsSettings).files;
    const [imports, cluster] = kustomizations(files, ["rook-ceph-import", "rook-ceph-cluster"]);
    expect(imports?.spec).toMatchObject({ wait: true, prune: false });
    expect(imports?.spec.dependsOn).toEqual([
      { name: "external-secrets", namespace: "external-secrets" },
      { name: "onepassword-connect-store", namespace: "external-secrets" },
    ]);
    expect(cluster?.spec.dependsOn).toEqual([
      { name: "ceph-csi-drivers", namespace: "rook-ceph" },
      { name: "rook-ceph", namespace: "rook-ceph" },
      { name: "rook-ceph-import", namespace: "rook-ceph" },
    ]);
    expect(cluster?.spec.healthCheckExprs).toEqual(
      kustomizations(renderComponents([rook], base.settings).files, ["rook-ceph-cluster"])[0]?.spec
        .healthCheckExprs,
    );
  });

  it("gives ceph-block and ceph-filesystem the provider's clusterID, pool and filesystem", () => {
    const [block, filesystem] = objectsOf(appOf(external(), "rook-ceph-cluster"), "StorageClass");
    expect(block).toMatchObject({
      metadata: {
        name: "ceph-block",
        annotations: { "storageclass.kubernetes.io/is-default-class": "true" },
      },
      provisioner: "rook-ceph.rbd.csi.ceph.com",
      parameters: { clusterID: "rook-ceph", pool: "ceph-blockpool" },
    });
    expect(filesystem).toMatchObject({
      metadata: { name: "ceph-filesystem" },
      provisioner: "rook-ceph.cephfs.csi.ceph.com",
      parameters: { clusterID: "rook-ceph", fsName: "ceph-filesystem", pool: "ceph-filesystem-data0" },
    });
  });

  it("follows the provider: a renamed pool on infra changes the consumer's StorageClasses (the typed contract)", () => {
    // GIVEN the provider with renamed pool and filesystem
    const renamed = rookCeph({ ...base, blockPool: "rbd-fast", filesystem: "shared" });
    // WHEN the consumer is built from its export
    const [block, filesystem] = objectsOf(
      appOf(external(renamed.external), "rook-ceph-cluster"),
      "StorageClass",
    );
    // THEN its classes provision from the renamed pool and filesystem
    expect(block?.parameters).toMatchObject({ pool: "rbd-fast" });
    expect(filesystem?.parameters).toMatchObject({ fsName: "shared", pool: "shared-data0" });
  });

  it("follows the provider's msgr2 requirement: mons on 3300, mounts with ms_mode=prefer-crc", () => {
    const consumer = external(rookCeph({ ...base, requireMsgr2: true }).external);
    expect(objectsOf(appOf(consumer, "rook-ceph-import"), "ConfigMap")[0]?.data).toMatchObject({
      data: "node-1=192.168.0.11:3300,node-2=192.168.0.12:3300,node-3=192.168.0.13:3300",
    });
    const [block, filesystem] = objectsOf(appOf(consumer, "rook-ceph-cluster"), "StorageClass");
    expect(block?.parameters).toMatchObject({ mapOptions: "ms_mode=prefer-crc" });
    expect(filesystem?.parameters).toMatchObject({ kernelMountOptions: "ms_mode=prefer-crc" });
  });

  it("defaultStorageClass: false leaves ceph-block a non-default class", () => {
    const consumer = rookCephExternal({
      source: rook.external,
      store: secrets.secretStore,
      defaultStorageClass: false,
    });
    const [block] = objectsOf(appOf(consumer, "rook-ceph-cluster"), "StorageClass");
    expect(block?.metadata).toMatchObject({
      annotations: { "storageclass.kubernetes.io/is-default-class": "false" },
    });
  });

  it("snapshotApi: the cluster stage (the chart's VolumeSnapshotClasses) depends on the snapshot API", () => {
    const snapshotApi: AppRef = {
      type: "App",
      name: "snapshot-controller",
      namespace: "kube-system",
      provider: { name: "snapshot-controller", namespace: "kube-system" },
    };
    const consumer = rookCephExternal({ source: rook.external, store: secrets.secretStore, snapshotApi });
    expect(appOf(consumer, "rook-ceph-cluster").uses).toContain(snapshotApi);
  });

  it("connectionItem of the export: every Secret is read from that item", () => {
    const consumer = external({ ...rook.external, connectionItem: "ceph-apps" });
    const items = objectsOf(appOf(consumer, "rook-ceph-import"), "ExternalSecret").map(
      (s) => (s.spec as { dataFrom: { extract: { key: string } }[] }).dataFrom[0]?.extract.key,
    );
    expect(new Set(items)).toEqual(new Set(["ceph-apps"]));
  });

  it("exports its own StorageClass references, provided by its cluster stage", () => {
    expect(external().storageClasses.block).toEqual({
      type: "StorageClass",
      name: "ceph-block",
      namespace: undefined,
      provider: { name: "rook-ceph-cluster", namespace: "rook-ceph" },
    });
    expect(external().snapshotClasses.block.name).toBe("csi-ceph-blockpool");
  });
});
