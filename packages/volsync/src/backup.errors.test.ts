import type { StorageClassRef, VolumeSnapshotClassRef } from "@k8s-ops/core";
import { describe, expect, it } from "vitest";
import { backup } from "./index.js";
import { base, ceph, secrets } from "./test-support.js";

const message = (field: string, text: string, expected: string, found: string) =>
  [`OPTION backup(gatus): ${field}: ${text}`, `  expected: ${expected}`, `  found:    ${found}`].join("\n");

const CRON =
  'five fields "minute hour day-of-month month day-of-week" of numbers, *, */n, a-b or a/n, such as "0 * * * *", ' +
  "or @hourly, @daily, @weekly, @monthly, @yearly";

describe("backup option errors", () => {
  it("rejects a schedule that is not cron", () => {
    expect(() => backup({ ...base, schedule: "hourly" })).toThrow(
      message("schedule", "not a cron schedule", CRON, '"hourly"'),
    );
    expect(() => backup({ ...base, schedule: "0 * * *" })).toThrow(
      message("schedule", "not a cron schedule", CRON, '"0 * * *"'),
    );
    expect(() => backup({ ...base, schedule: "0 0 * * MON" })).toThrow(
      message("schedule", "not a cron schedule", CRON, '"0 0 * * MON"'),
    );
  });

  it("rejects a schedule with a field out of range, a backwards range or a zero step", () => {
    expect(() => backup({ ...base, schedule: "0 24 * * *" })).toThrow(
      message("schedule", "the hour field is out of range", "hour values 0-23", '"0 24 * * *"'),
    );
    expect(() => backup({ ...base, schedule: "0 0 0 * *" })).toThrow(
      message(
        "schedule",
        "the day-of-month field is out of range",
        "day-of-month values 1-31",
        '"0 0 0 * *"',
      ),
    );
    expect(() => backup({ ...base, schedule: "0 0 * * 7" })).toThrow(
      message("schedule", "the day-of-week field is out of range", "day-of-week values 0-6", '"0 0 * * 7"'),
    );
    expect(() => backup({ ...base, schedule: "0 0 * 12-1 *" })).toThrow(
      message("schedule", "the month range runs backwards", "month values 1-12, from ≤ to", '"0 0 * 12-1 *"'),
    );
    expect(() => backup({ ...base, schedule: "*/0 * * * *" })).toThrow(
      message("schedule", "the minute step is zero", "a step ≥ 1", '"*/0 * * * *"'),
    );
  });

  it("rejects a retention that keeps nothing", () => {
    expect(() => backup({ ...base, retention: { daily: 0 } })).toThrow(
      message("retention.daily", "a retention count must keep at least one snapshot", "an integer ≥ 1", "0"),
    );
    expect(() => backup({ ...base, retention: { daily: 7, weekly: 0 } })).toThrow(
      message("retention.weekly", "a retention count must keep at least one snapshot", "an integer ≥ 1", "0"),
    );
    expect(() => backup({ ...base, retention: { daily: 1.5 } })).toThrow("found:    1.5");
  });

  it("rejects a capacity that is not a quantity", () => {
    expect(() => backup({ ...base, capacity: "5GB" })).toThrow(
      message("capacity", "not a Kubernetes quantity", "a size above zero such as 5Gi or 500Mi", '"5GB"'),
    );
    expect(() => backup({ ...base, capacity: "0Gi" })).toThrow('found:    "0Gi"');
    expect(() => backup({ ...base, cacheCapacity: "lots" })).toThrow(
      message(
        "cacheCapacity",
        "not a Kubernetes quantity",
        "a size above zero such as 5Gi or 500Mi",
        '"lots"',
      ),
    );
  });

  it("rejects an empty repository item", () => {
    expect(() => backup({ ...base, repository: { store: secrets.secretStore, item: " " } })).toThrow(
      message(
        "repository.item",
        "the 1Password item name is empty",
        "the item holding REPOSITORY_TEMPLATE, RESTIC_PASSWORD and the S3 credentials",
        '""',
      ),
    );
  });

  it("rejects names that are not DNS labels, or too long for VolSync's Jobs", () => {
    expect(() => backup({ ...base, pvc: "Gatus_Data" })).toThrow(
      message("pvc", "not a valid name", "a lowercase RFC 1123 label such as gatus", '"Gatus_Data"'),
    );
    const app = "a".repeat(40);
    expect(() => backup({ ...base, app, pvc: "config-volume" })).toThrow(
      [
        `OPTION backup(${app}): pvc: too long for the Jobs VolSync names after the backup`,
        "  expected: a backup name (app, or app-pvc) of at most 47 characters",
        `  found:    "${app}-config-volume" (54 characters)`,
      ].join("\n"),
    );
  });

  it("rejects a prune interval or mover ids that cannot work", () => {
    expect(() => backup({ ...base, pruneIntervalDays: 0 })).toThrow(
      message("pruneIntervalDays", "restic must prune now and then", "an integer ≥ 1", "0"),
    );
    expect(() => backup({ ...base, moverSecurityContext: { runAsUser: -1, runAsGroup: 1000 } })).toThrow(
      message("moverSecurityContext.runAsUser", "not a user or group id", "an integer ≥ 0", "-1"),
    );
  });

  it("rejects bad option types at compile time", () => {
    const storageClass: StorageClassRef = ceph.storageClass;
    const snapshotClass: VolumeSnapshotClassRef = ceph.snapshotClass;
    // @ts-expect-error a StorageClass is not a VolumeSnapshotClass
    backup({ ...base, snapshotClass: storageClass });
    // @ts-expect-error a VolumeSnapshotClass is not a StorageClass
    backup({ ...base, storageClass: snapshotClass });
    // @ts-expect-error nor is it a cache StorageClass
    backup({ ...base, cacheStorageClass: snapshotClass });
    // @ts-expect-error a storage class is not a secret store
    backup({ ...base, repository: { store: storageClass, item: "volsync-template" } });
    // @ts-expect-error daily retention is required
    backup({ ...base, retention: { hourly: 24 } });
    // @ts-expect-error retention counts are numbers
    expect(() => backup({ ...base, retention: { daily: "7" } })).toThrow();
    // @ts-expect-error unknown options are refused
    backup({ ...base, copyMethod: "Clone" });
  });
});
