import { type AppRef, renderComponents } from "@k8s-ops/core";
import { appOf, helmValues } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { type RookCephOptions, rookCeph } from "./index.js";
import { base, gateways, kustomizations, settings } from "./test-support.js";

const values = (options: Partial<RookCephOptions>) =>
  helmValues(appOf(rookCeph({ ...base, ...options }), "rook-ceph-cluster"));

describe("rookCeph options", () => {
  it("namespace: moves every app, the drivers' names and the classes' secrets", () => {
    // GIVEN another namespace WHEN built
    const rook = rookCeph({ ...base, namespace: "storage" });
    // THEN the apps, the CSI driver names, the pool's secret namespace and the export follow it
    expect(rook.apps.map((app) => app.namespace)).toEqual(["storage", "storage", "storage"]);
    expect(helmValues(appOf(rook, "ceph-csi-drivers"))).toMatchObject({
      drivers: { rbd: { name: "storage.rbd.csi.ceph.com" }, cephfs: { name: "storage.cephfs.csi.ceph.com" } },
      operatorConfig: { namespace: "storage" },
    });
    expect(helmValues(appOf(rook, "rook-ceph-cluster"))).toMatchObject({
      operatorNamespace: "storage",
      cephBlockPools: [
        { storageClass: { parameters: { "csi.storage.k8s.io/node-stage-secret-namespace": "storage" } } },
      ],
    });
    expect(rook.external.namespace).toBe("storage");
  });

  it("blockPool, filesystem and objectStore: name the pools, the export and the RGW Service", () => {
    const rook = rookCeph({ ...base, blockPool: "rbd", filesystem: "shared", objectStore: "s3" });
    expect(helmValues(appOf(rook, "rook-ceph-cluster"))).toMatchObject({
      cephBlockPools: [{ name: "rbd" }],
      cephFileSystems: [{ name: "shared" }],
      cephObjectStores: [{ name: "s3" }],
    });
    expect(rook.external).toMatchObject({
      blockPool: "rbd",
      filesystem: { name: "shared", dataPool: "shared-data0" },
      objectStore: { name: "s3", endpoint: "http://rook-ceph-rgw-s3.rook-ceph.svc.cluster.local:80" },
    });
    expect(rook.services.rgw).toMatchObject({ name: "rook-ceph-rgw-s3", port: 80 });
  });

  it("replicas: sets the size of every pool", () => {
    const sizes = values({ replicas: 2 });
    expect(sizes).toMatchObject({
      cephBlockPools: [{ spec: { replicated: { size: 2 } } }],
      cephFileSystems: [
        { spec: { metadataPool: { replicated: { size: 2 } }, dataPools: [{ replicated: { size: 2 } }] } },
      ],
      cephObjectStores: [
        { spec: { dataPool: { replicated: { size: 2 } }, metadataPool: { replicated: { size: 2 } } } },
      ],
    });
  });

  it("requireMsgr2: closes msgr1, mounts with ms_mode=prefer-crc and exports the mons on 3300", () => {
    // GIVEN msgr2 required WHEN built
    const rook = rookCeph({ ...base, requireMsgr2: true });
    const cluster = helmValues(appOf(rook, "rook-ceph-cluster"));
    // THEN the CephCluster requires it, the classes mount with it, consumers connect on 3300
    expect(cluster).toMatchObject({
      cephClusterSpec: { network: { connections: { requireMsgr2: true } } },
      cephBlockPools: [{ storageClass: { parameters: { mapOptions: "ms_mode=prefer-crc" } } }],
      cephFileSystems: [{ storageClass: { parameters: { kernelMountOptions: "ms_mode=prefer-crc" } } }],
    });
    expect(rook.external.monEndpoints.map((mon) => mon.port)).toEqual([3300, 3300, 3300]);
    expect(rook.external.requireMsgr2).toBe(true);
  });

  it("dashboard: without it there is no route and no dependency on a gateway", () => {
    // GIVEN no dashboard WHEN rendered
    expect(values({})).not.toHaveProperty("route");
    const [cluster] = kustomizations(renderComponents([rookCeph(base)], settings).files, [
      "rook-ceph-cluster",
    ]);
    // THEN the cluster stage waits for the operator and the drivers only
    expect(cluster?.spec.dependsOn).toEqual([
      { name: "ceph-csi-drivers", namespace: "rook-ceph" },
      { name: "rook-ceph", namespace: "rook-ceph" },
    ]);
    // AND with it, the chart routes the host on the gateway's HTTPS listener and the stage waits for the gateway
    const dashboard = { gateway: gateways.gateways.internal, hostname: "ceph.example.com" };
    expect(values({ dashboard })).toMatchObject({
      route: { dashboard: { host: { name: "ceph.example.com" }, parentRefs: [{ name: "envoy-internal" }] } },
    });
    expect(appOf(rookCeph({ ...base, dashboard }), "rook-ceph-cluster").uses).toContain(
      gateways.gateways.internal,
    );
  });

  it("s3: routes RGW through the gateway and exports its HTTPS endpoint to other clusters", () => {
    // GIVEN an S3 route on the internal gateway
    const s3 = { gateway: gateways.gateways.internal, hostname: "s3.${SECRET_DOMAIN}" };
    const rook = rookCeph({ ...base, s3 });
    // WHEN rendered  THEN the chart routes the object store's Service, the stage waits for the gateway
    expect(helmValues(appOf(rook, "rook-ceph-cluster"))).toMatchObject({
      cephObjectStores: [
        {
          name: "ceph-objectstore",
          route: {
            enabled: true,
            host: { name: "s3.${SECRET_DOMAIN}" },
            parentRefs: [{ name: "envoy-internal" }],
          },
        },
      ],
    });
    expect(appOf(rook, "rook-ceph-cluster").uses).toContain(gateways.gateways.internal);
    // AND consumers are handed the routed endpoint, not the in-cluster Service
    expect(rook.external.objectStore).toEqual({
      name: "ceph-objectstore",
      endpoint: "https://s3.${SECRET_DOMAIN}",
    });
    expect(() => rookCeph({ ...base, s3: { ...s3, hostname: "not a host" } })).toThrow(
      'OPTION rookCeph: s3.hostname: not a host name\n  expected: a name such as ceph.example.com or ceph.${SECRET_DOMAIN}\n  found:    "not a host"',
    );
  });

  it("snapshotApi: the cluster stage depends on the app installing the snapshot CRDs", () => {
    const snapshotApi: AppRef = {
      type: "App",
      name: "snapshot-controller",
      namespace: "kube-system",
      provider: { name: "snapshot-controller", namespace: "kube-system" },
    };
    expect(appOf(rookCeph({ ...base, snapshotApi }), "rook-ceph-cluster").uses).toContain(snapshotApi);
  });

  it("connectionItem and rgwEndpoint: are what the export tells consumers", () => {
    const rook = rookCeph({ ...base, connectionItem: "ceph-apps", rgwEndpoint: "https://s3.example.com" });
    expect(rook.external).toMatchObject({
      connectionItem: "ceph-apps",
      objectStore: { endpoint: "https://s3.example.com" },
    });
  });
});
