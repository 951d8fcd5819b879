import { describe, expect, it } from "vitest";
import {
  CephBlockPool,
  CephCluster,
  CephFilesystem,
  CephFilesystemSubVolumeGroup,
  CephObjectStore,
  CephObjectStoreUser,
} from "../src/generated/ceph.rook.io/v1/index.js";
import { ObjectBucketClaim } from "../src/generated/objectbucket.io/v1alpha1/index.js";

const metadata = { name: "rook-ceph", namespace: "rook-ceph" };

function cephCluster(): CephCluster {
  return new CephCluster({
    metadata,
    spec: {
      cephVersion: { image: "quay.io/ceph/ceph:v19.2.3" },
      dataDirHostPath: "/var/lib/rook",
      mon: { count: 3, allowMultiplePerNode: false },
      mgr: { count: 2, modules: [{ name: "pg_autoscaler", enabled: true }] },
      dashboard: { enabled: true, ssl: false },
      network: { provider: "host", connections: { requireMsgr2: true } },
      storage: { useAllNodes: true, useAllDevices: false, deviceFilter: "^nvme1n1$" },
      resources: { mgr: { requests: { cpu: "100m", memory: "512Mi" } } },
    },
  });
}

describe("ceph.rook.io/v1", () => {
  it("sets apiVersion and kind and serialises without undefined fields", () => {
    // GIVEN the infra cluster's CephCluster
    const cluster = cephCluster();
    // THEN the class sets apiVersion/kind and toJSON returns the object as given
    expect([CephCluster.apiVersion, CephCluster.kind]).toEqual(["ceph.rook.io/v1", "CephCluster"]);
    expect(cluster.toJSON()).toEqual({
      apiVersion: "ceph.rook.io/v1",
      kind: "CephCluster",
      metadata,
      spec: expect.objectContaining({ mon: { count: 3, allowMultiplePerNode: false } }),
    });
    expect(CephCluster.is(cluster.toJSON())).toBe(true);
  });

  it("validates the platform's CephCluster, pools, filesystem and object store", () => {
    // GIVEN realistic objects for RBD, CephFS and RGW
    const objects = [
      cephCluster(),
      new CephBlockPool({
        metadata: { name: "ceph-blockpool", namespace: "rook-ceph" },
        spec: {
          failureDomain: "host",
          replicated: { size: 3 },
          parameters: { compression_mode: "aggressive" },
        },
      }),
      new CephFilesystem({
        metadata: { name: "ceph-filesystem", namespace: "rook-ceph" },
        spec: {
          metadataPool: { replicated: { size: 3 } },
          dataPools: [{ name: "data0", failureDomain: "host", replicated: { size: 3 } }],
          metadataServer: { activeCount: 1, activeStandby: true },
        },
      }),
      new CephFilesystemSubVolumeGroup({
        metadata: { name: "csi", namespace: "rook-ceph" },
        spec: { filesystemName: "ceph-filesystem", name: "csi", pinning: { distributed: 1 } },
      }),
      new CephObjectStore({
        metadata: { name: "ceph-objectstore", namespace: "rook-ceph" },
        spec: {
          metadataPool: { failureDomain: "host", replicated: { size: 3 } },
          dataPool: { failureDomain: "host", erasureCoded: { dataChunks: 2, codingChunks: 1 } },
          preservePoolsOnDelete: true,
          gateway: { port: 80, instances: 2 },
        },
      }),
      new CephObjectStoreUser({
        metadata: { name: "loki", namespace: "rook-ceph" },
        spec: {
          store: "ceph-objectstore",
          displayName: "loki",
          quotas: { maxSize: "100Gi", maxBuckets: 10 },
        },
      }),
      new ObjectBucketClaim({
        metadata: { name: "loki-bucket", namespace: "observability" },
        spec: { bucketName: "loki", storageClassName: "ceph-bucket" },
      }),
    ];
    // WHEN each is validated THEN none throws
    for (const object of objects) expect(() => object.validate(), object.kind).not.toThrow();
  });

  it("rejects values outside the schema with ajv's message", () => {
    // GIVEN a CephCluster with 10 monitors (max 9) and an unknown network provider
    const cluster = cephCluster();
    cluster.spec.mon = { count: 10 };
    // @ts-expect-error the types know the allowed providers too
    cluster.spec.network = { provider: "calico" };
    // WHEN validated THEN every error is listed
    expect(() => cluster.validate()).toThrow(
      "data/spec/mon/count must be <= 9, data/spec/network/provider must be equal to one of the allowed values",
    );
  });

  it("rejects a filesystem without its required fields", () => {
    // GIVEN a CephFilesystem without data pools and metadata server
    // @ts-expect-error the types require them too
    const filesystem = new CephFilesystem({ metadata, spec: { metadataPool: { replicated: { size: 3 } } } });
    // WHEN validated THEN ajv names the missing properties
    expect(() => filesystem.validate()).toThrow(
      "data/spec must have required property dataPools, data/spec must have required property metadataServer",
    );
  });

  it("keeps the int-or-string quota nullable after normalising the rook input", () => {
    // GIVEN a user whose maxSize is null (allowed: rook marks it nullable) and one with a wrong quantity
    const user = new CephObjectStoreUser({ metadata, spec: { store: "s3", quotas: { maxSize: null } } });
    const wrong = new CephObjectStoreUser({ metadata, spec: { store: "s3", quotas: { maxSize: "ten" } } });
    // THEN the first validates and the second fails the quantity pattern
    expect(() => user.validate()).not.toThrow();
    expect(() => wrong.validate()).toThrow("data/spec/quotas/maxSize must match pattern");
  });

  it("rejects a wrong field type at compile time", () => {
    // @ts-expect-error mon.count is a number
    const cluster = new CephCluster({ metadata, spec: { mon: { count: "three" } } });
    // @ts-expect-error replicated.size is required
    const pool = new CephBlockPool({ metadata, spec: { replicated: {} } });
    expect([cluster.kind, pool.kind]).toEqual(["CephCluster", "CephBlockPool"]);
  });
});
