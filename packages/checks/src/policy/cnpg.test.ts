import { describe, expect, it } from "vitest";
import { lines, POLICY_CONTEXT, treeObject } from "../test-support.js";
import { databasesBackedUp } from "./cnpg.js";

const business = { "k8s-ops.dev/data-class": "business", "k8s-ops.dev/rpo": "1h" };

function cluster(spec: Record<string, unknown>, annotations: Record<string, string> = business) {
  return treeObject({
    apiVersion: "postgresql.cnpg.io/v1",
    kind: "Cluster",
    metadata: { name: "db", namespace: "shop", annotations },
    spec: { instances: 3, ...spec },
  });
}

function scheduled(schedule: string) {
  return treeObject({
    apiVersion: "postgresql.cnpg.io/v1",
    kind: "ScheduledBackup",
    metadata: { name: "db-daily", namespace: "shop" },
    spec: { schedule, cluster: { name: "db" } },
  });
}

const plugin = {
  plugins: [
    {
      name: "barman-cloud.cloudnative-pg.io",
      isWALArchiver: true,
      parameters: { barmanObjectName: "store" },
    },
  ],
};
const store = (retentionPolicy: string) =>
  treeObject({
    apiVersion: "barmancloud.cnpg.io/v1",
    kind: "ObjectStore",
    metadata: { name: "store", namespace: "shop" },
    spec: { retentionPolicy },
  });

describe("databasesBackedUp", () => {
  it("accepts daily base backups with WAL archiving through the barman-cloud plugin, kept 30 days", () => {
    expect(
      databasesBackedUp([cluster(plugin), scheduled("0 0 2 * * *"), store("30d")], POLICY_CONTEXT),
    ).toEqual([]);
  });

  it("reports a database without a scheduled backup", () => {
    expect(lines(databasesBackedUp([cluster(plugin), store("30d")], POLICY_CONTEXT))).toEqual([
      "BACKUP_MISSING test › default/app › Cluster shop/db: spec.backup: database shop/db (business) has no scheduled backup",
    ]);
  });

  it("reports daily base backups without WAL archiving for a 1h RPO", () => {
    const findings = databasesBackedUp(
      [cluster({ backup: { retentionPolicy: "30d" } }), scheduled("0 0 2 * * *")],
      POLICY_CONTEXT,
    );
    expect(lines(findings)).toEqual([
      "BACKUP_RPO test › default/app › ScheduledBackup shop/db-daily: spec.schedule: database shop/db can lose more than its RPO",
    ]);
    expect(findings[0]?.found).toBe("0 0 2 * * * (worst case 1d), no WAL archiving");
  });

  it("reports a 5-field schedule where CloudNativePG wants 6, and a retention shorter than the class asks", () => {
    expect(
      lines(databasesBackedUp([cluster(plugin), scheduled("0 2 * * *"), store("30d")], POLICY_CONTEXT)),
    ).toEqual([
      "CRON_INVALID test › default/app › ScheduledBackup shop/db-daily: spec.schedule: expected 6 fields (seconds first), found 5",
    ]);
    expect(
      lines(databasesBackedUp([cluster(plugin), scheduled("0 0 2 * * *"), store("7d")], POLICY_CONTEXT)),
    ).toEqual([
      "BACKUP_RETENTION test › default/app › ObjectStore shop/store: spec.retentionPolicy: backups of database shop/db are not kept long enough",
    ]);
  });
});
