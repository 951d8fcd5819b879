import { defineApp, renderComponents } from "@k8s-ops/core";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { type BackupOptions, backup, restoredPvc, volsync } from "./index.js";
import { base, ceph, openebs, providers, secrets, snapshots } from "./test-support.js";

type Json = Record<string, unknown>;
const json = (object: { toJSON(): unknown }) => object.toJSON() as Json;
const parts = (options: Partial<BackupOptions> = {}) => {
  const [secret, source, restore] = backup({ ...base, ...options }).objects.map(json);
  return { secret: secret as Json, source: source as Json, restore: restore as Json };
};

describe("backup", () => {
  it("writes the repository Secret from the store's item, one repository folder per backup", () => {
    // GIVEN the required options WHEN built THEN the ExternalSecret templates the restic and S3 variables
    expect(parts().secret).toEqual({
      apiVersion: "external-secrets.io/v1",
      kind: "ExternalSecret",
      metadata: { name: "gatus-volsync" },
      spec: {
        dataFrom: [{ extract: { key: "volsync-template" } }],
        secretStoreRef: { kind: "ClusterSecretStore", name: "onepassword-connect" },
        target: {
          name: "gatus-volsync-secret",
          template: {
            engineVersion: "v2",
            data: {
              RESTIC_REPOSITORY: "{{ .REPOSITORY_TEMPLATE }}/gatus",
              RESTIC_PASSWORD: "{{ .RESTIC_PASSWORD }}",
              AWS_ACCESS_KEY_ID: "{{ .AWS_ACCESS_KEY_ID }}",
              AWS_SECRET_ACCESS_KEY: "{{ .AWS_SECRET_ACCESS_KEY }}",
            },
          },
        },
      },
    });
  });

  it("backs the claim up from a snapshot on the schedule, keeping the retention", () => {
    // GIVEN the required options WHEN built THEN the ReplicationSource snapshots the claim and keeps 7 dailies
    expect(parts().source).toEqual({
      apiVersion: "volsync.backube/v1alpha1",
      kind: "ReplicationSource",
      metadata: { name: "gatus" },
      spec: {
        sourcePVC: "gatus",
        trigger: { schedule: "0 * * * *" },
        restic: {
          repository: "gatus-volsync-secret",
          storageClassName: "ceph-block",
          volumeSnapshotClassName: "csi-ceph-blockpool",
          accessModes: ["ReadWriteOnce"],
          cacheStorageClassName: "ceph-block",
          cacheCapacity: "2Gi",
          cacheAccessModes: ["ReadWriteOnce"],
          moverSecurityContext: { runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000 },
          copyMethod: "Snapshot",
          pruneIntervalDays: 14,
          retain: { daily: 7 },
        },
      },
    });
  });

  it("restores once, into a snapshot of the volume's size, and Flux applies the restore only if it is absent", () => {
    // GIVEN the required options WHEN built THEN the ReplicationDestination restores on creation only
    const { restore } = parts();
    expect(restore.metadata).toEqual({
      name: "gatus-dst",
      labels: { "kustomize.toolkit.fluxcd.io/ssa": "IfNotPresent" },
    });
    expect(restore.spec).toEqual({
      trigger: { manual: "restore-once" },
      restic: {
        repository: "gatus-volsync-secret",
        storageClassName: "ceph-block",
        volumeSnapshotClassName: "csi-ceph-blockpool",
        accessModes: ["ReadWriteOnce"],
        cacheStorageClassName: "ceph-block",
        cacheCapacity: "2Gi",
        cacheAccessModes: ["ReadWriteOnce"],
        moverSecurityContext: { runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000 },
        copyMethod: "Snapshot",
        capacity: "5Gi",
      },
    });
  });

  it("uses the storage class, the snapshot class and the store, each once", () => {
    // GIVEN the required options (the cache on the volume's class) WHEN built THEN three references
    expect(backup(base).uses).toEqual([ceph.storageClass, ceph.snapshotClass, secrets.secretStore]);
  });

  it("gives the app dependsOn on the providers of the classes, the store and the VolSync and secret kinds", () => {
    // GIVEN an app with a backup whose cache is on OpenEBS, rendered with stand-in providers and real stores
    const data = backup({ ...base, cacheStorageClass: openebs.storageClass });
    const gatus = defineApp({
      name: "gatus",
      namespace: "observability",
      layer: "apps",
      objects: data.objects,
      uses: data.uses,
    });
    const sync = volsync({ snapshots: snapshots.snapshotApi });
    const rendered = renderComponents([...providers, sync, { name: "gatus", apps: [gatus] }]);
    // WHEN rendered THEN it validates and dependsOn lists each provider once
    expect(rendered.findings).toEqual([]);
    const [ks] = parseAllDocuments(rendered.files.get("apps/observability/gatus/ks.yaml") ?? "").map(
      (d) => d.toJS() as { spec: { dependsOn: unknown } },
    );
    expect(ks?.spec.dependsOn).toEqual([
      { name: "external-secrets", namespace: "external-secrets" },
      { name: "onepassword-connect-store", namespace: "external-secrets" },
      { name: "openebs", namespace: "openebs-system" },
      { name: "rook-ceph-cluster", namespace: "rook-ceph" },
      { name: "volsync", namespace: "volsync-system" },
    ]);
  });

  it("exports what a restored claim and the app need", () => {
    expect(backup(base)).toMatchObject({
      name: "gatus",
      pvc: "gatus",
      capacity: "5Gi",
      storageClass: ceph.storageClass,
      destination: "gatus-dst",
      secretName: "gatus-volsync-secret",
    });
  });
});

describe("restoredPvc", () => {
  it("is the claim, populated from the backup's ReplicationDestination", () => {
    // GIVEN a backup WHEN its claim is built THEN it has the size and class and points at the restore
    expect(json(restoredPvc(backup(base)))).toEqual({
      apiVersion: "v1",
      kind: "PersistentVolumeClaim",
      metadata: { name: "gatus" },
      spec: {
        accessModes: ["ReadWriteOnce"],
        dataSourceRef: { apiGroup: "volsync.backube", kind: "ReplicationDestination", name: "gatus-dst" },
        resources: { requests: { storage: "5Gi" } },
        storageClassName: "ceph-block",
      },
    });
  });
});
