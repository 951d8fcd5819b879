import { describe, expect, it } from "vitest";
import { ReplicationDestination, ReplicationSource } from "./index.js";

const metadata = { name: "gatus", namespace: "observability" };
const mover = {
  repository: "gatus-volsync",
  storageClassName: "ceph-block",
  volumeSnapshotClassName: "csi-ceph-blockpool",
  cacheStorageClassName: "openebs-hostpath",
  cacheCapacity: "1Gi",
  moverSecurityContext: { runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000 },
};

function source(): ReplicationSource {
  return new ReplicationSource({
    metadata,
    spec: {
      sourcePVC: "gatus",
      trigger: { schedule: "0 * * * *" },
      restic: { ...mover, copyMethod: "Snapshot", pruneIntervalDays: 14, retain: { hourly: 24, daily: 7 } },
    },
  });
}

describe("volsync.backube/v1alpha1 (hand-written)", () => {
  it("sets apiVersion and kind first and serialises without undefined fields", () => {
    // GIVEN a backup with an undefined optional field
    const backup = new ReplicationSource({
      metadata,
      spec: {
        sourcePVC: "gatus",
        restic: { repository: "gatus-volsync", copyMethod: "Direct", retain: undefined },
      },
    });
    // THEN apiVersion and kind come from the class, in front, and undefined is dropped
    expect(Object.keys(backup.toJSON() ?? {})).toEqual(["apiVersion", "kind", "metadata", "spec"]);
    expect(backup.toJSON()).toEqual({
      apiVersion: "volsync.backube/v1alpha1",
      kind: "ReplicationSource",
      metadata,
      spec: { sourcePVC: "gatus", restic: { repository: "gatus-volsync", copyMethod: "Direct" } },
    });
    expect(ReplicationSource.is(backup.toJSON())).toBe(true);
  });

  it("validates the platform's hourly backup and its restore-once destination", () => {
    // GIVEN a backup and the matching restore
    const restore = new ReplicationDestination({
      metadata: { name: "gatus-dst", namespace: "observability" },
      spec: {
        trigger: { manual: "restore-once" },
        restic: { ...mover, copyMethod: "Snapshot", capacity: "5Gi", accessModes: ["ReadWriteOnce"] },
      },
    });
    // WHEN validated THEN both pass
    expect(() => source().validate()).not.toThrow();
    expect(() => restore.validate()).not.toThrow();
  });

  it("reports every missing required field", () => {
    // GIVEN a backup without source PVC and a restic block without repository and copy method
    // @ts-expect-error sourcePVC, restic.repository and restic.copyMethod are required
    const backup = new ReplicationSource({ metadata, spec: { restic: {} } });
    // THEN the error lists them like ajv does
    expect(() => backup.validate()).toThrow(
      "data/spec must have required property sourcePVC, " +
        "data/spec/restic must have required property repository, " +
        "data/spec/restic must have required property copyMethod",
    );
  });

  it("rejects wrong values with exact messages", () => {
    // GIVEN a backup with a copy method restores do not know, prune interval 0 and a retain count as text
    const backup = source();
    backup.spec.restic.pruneIntervalDays = 0;
    // @ts-expect-error retain counts are numbers
    backup.spec.restic.retain = { daily: "7" };
    const restore = new ReplicationDestination({
      metadata,
      // @ts-expect-error Clone is not a copy method of a restore
      spec: { restic: { ...mover, copyMethod: "Clone" } },
    });
    // THEN
    expect(() => backup.validate()).toThrow(
      "data/spec/restic/pruneIntervalDays must be >= 1, data/spec/restic/retain/daily must be integer",
    );
    expect(() => restore.validate()).toThrow(
      "data/spec/restic/copyMethod must be equal to one of the allowed values",
    );
  });

  it("throws ajv-shaped errors that core turns into findings", () => {
    // GIVEN a restore without restic
    // @ts-expect-error restic is required
    const restore = new ReplicationDestination({ metadata, spec: { trigger: { manual: "restore-once" } } });
    // WHEN validated THEN the error carries the ajv error objects
    expect(() => restore.validate()).toThrow(
      expect.objectContaining({
        message: "data/spec must have required property restic",
        errors: [
          expect.objectContaining({
            instancePath: "/spec",
            keyword: "required",
            params: { missingProperty: "restic" },
          }),
        ],
      }),
    );
  });
});
