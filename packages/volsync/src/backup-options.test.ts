import type { SecretStoreRef } from "@k8s-ops/core";
import { describe, expect, it } from "vitest";
import { type BackupOptions, backup, restoredPvc } from "./index.js";
import { base, ceph, openebs, secrets } from "./test-support.js";

type Json = Record<string, unknown>;
const json = (object: { toJSON(): unknown }) => object.toJSON() as Json;
const parts = (options: Partial<BackupOptions> = {}) => {
  const [secret, source, restore] = backup({ ...base, ...options }).objects.map(json);
  return { secret: secret as Json, source: source as Json, restore: restore as Json };
};
const restic = (object: Json) => (object.spec as { restic: Json }).restic;

describe("backup options", () => {
  it("app: names the objects and the repository folder", () => {
    const { secret, source, restore } = parts({ app: "n8n", pvc: "n8n" });
    expect([secret, source, restore].map((o) => (o.metadata as { name: string }).name)).toEqual([
      "n8n-volsync",
      "n8n",
      "n8n-dst",
    ]);
    expect(JSON.stringify(secret)).toContain('"RESTIC_REPOSITORY":"{{ .REPOSITORY_TEMPLATE }}/n8n"');
  });

  it("pvc: backs up that claim; a claim not named after the app adds its name to the objects'", () => {
    const { secret, source, restore } = parts({ pvc: "config" });
    expect((source.spec as { sourcePVC: string }).sourcePVC).toBe("config");
    expect([secret, source, restore].map((o) => (o.metadata as { name: string }).name)).toEqual([
      "gatus-config-volsync",
      "gatus-config",
      "gatus-config-dst",
    ]);
    expect(restoredPvc(backup({ ...base, pvc: "config" })).metadata?.name).toBe("config");
  });

  it("capacity: sizes the restored volume and its claim", () => {
    const data = backup({ ...base, capacity: "20Gi" });
    expect(restic(json(data.objects[2])).capacity).toBe("20Gi");
    expect(restoredPvc(data).spec?.resources?.requests?.storage).toBe("20Gi");
  });

  it("storageClass: is the class of the restored volume and of the snapshot's temporary volume", () => {
    const data = backup({ ...base, storageClass: openebs.storageClass });
    expect(restic(json(data.objects[1])).storageClassName).toBe("openebs-hostpath");
    expect(restic(json(data.objects[2])).storageClassName).toBe("openebs-hostpath");
    expect(restoredPvc(data).spec?.storageClassName).toBe("openebs-hostpath");
    expect(data.uses).toContain(openebs.storageClass);
  });

  it("snapshotClass: is the class backups and restores snapshot with", () => {
    const snapshotClass = { ...ceph.snapshotClass, name: "csi-ceph-filesystem" };
    const { source, restore } = parts({ snapshotClass });
    expect(restic(source).volumeSnapshotClassName).toBe("csi-ceph-filesystem");
    expect(restic(restore).volumeSnapshotClassName).toBe("csi-ceph-filesystem");
  });

  it("schedule: triggers the backup", () => {
    expect(parts({ schedule: "30 2 * * 0" }).source.spec).toMatchObject({
      trigger: { schedule: "30 2 * * 0" },
    });
    expect(parts({ schedule: "@daily" }).source.spec).toMatchObject({ trigger: { schedule: "@daily" } });
  });

  it("retention: becomes restic's retain, periods left out are not kept", () => {
    const retain = restic(
      parts({ retention: { hourly: 24, daily: 7, weekly: 4, monthly: 6 } }).source,
    ).retain;
    expect(retain).toEqual({ hourly: 24, daily: 7, weekly: 4, monthly: 6 });
  });

  it("repository: reads the given item from the given store", () => {
    const store: SecretStoreRef = {
      ...secrets.secretStore,
      name: "vault",
      provider: { name: "vault", namespace: "vault" },
    };
    const data = backup({ ...base, repository: { store, item: "restic-r2" } });
    expect(json(data.objects[0]).spec).toMatchObject({
      dataFrom: [{ extract: { key: "restic-r2" } }],
      secretStoreRef: { kind: "ClusterSecretStore", name: "vault" },
    });
    expect(data.uses).toContain(store);
  });

  it("cacheStorageClass: puts restic's cache on another class, which the app then uses too", () => {
    const data = backup({ ...base, cacheStorageClass: openebs.storageClass });
    expect(restic(json(data.objects[1])).cacheStorageClassName).toBe("openebs-hostpath");
    expect(restic(json(data.objects[2])).cacheStorageClassName).toBe("openebs-hostpath");
    expect(data.uses).toEqual([
      ceph.storageClass,
      ceph.snapshotClass,
      secrets.secretStore,
      openebs.storageClass,
    ]);
  });

  it("cacheCapacity: sizes restic's cache", () => {
    expect(restic(parts({ cacheCapacity: "8Gi" }).source).cacheCapacity).toBe("8Gi");
  });

  it("moverSecurityContext: runs the mover as the data's owner, fsGroup defaulting to the group", () => {
    const { source, restore } = parts({ moverSecurityContext: { runAsUser: 568, runAsGroup: 568 } });
    expect(restic(source).moverSecurityContext).toEqual({ runAsUser: 568, runAsGroup: 568, fsGroup: 568 });
    expect(restic(restore).moverSecurityContext).toEqual({ runAsUser: 568, runAsGroup: 568, fsGroup: 568 });
    const owner = { runAsUser: 0, runAsGroup: 0, fsGroup: 100 };
    expect(restic(parts({ moverSecurityContext: owner }).source).moverSecurityContext).toEqual(owner);
  });

  it("pruneIntervalDays: sets how often restic prunes", () => {
    expect(restic(parts({ pruneIntervalDays: 7 }).source).pruneIntervalDays).toBe(7);
  });
});
