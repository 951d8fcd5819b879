import { objectsOf } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { type PostgresClusterOptions, postgresCluster } from "./index.js";
import { base, rgw } from "./test-support.js";

const build = (options: Partial<PostgresClusterOptions>) => postgresCluster({ ...base, ...options });
const object = (options: Partial<PostgresClusterOptions>, kind: string, index = 0) =>
  objectsOf(build(options).app, kind)[index] as {
    metadata: Record<string, unknown>;
    spec: Record<string, unknown>;
  };
const spec = (options: Partial<PostgresClusterOptions>) => object(options, "Cluster").spec;
const otherStore = { ...rgw, endpoint: "https://old-s3.example.com", bucket: "old-postgres" };

describe("postgresCluster backup options", () => {
  it("backup: path, schedule, retention and serverName shape the store and the schedule", () => {
    const backup = {
      objectStore: { ...rgw, path: "apps/business" },
      schedule: "0 30 1 * * 0",
      retention: "8w",
      serverName: "odoo-db-v2",
    };
    expect(object({ backup }, "ObjectStore").spec).toMatchObject({
      configuration: { destinationPath: "s3://postgres/apps/business" },
      retentionPolicy: "8w",
    });
    expect(object({ backup }, "ScheduledBackup").spec).toMatchObject({ schedule: "0 30 1 * * 0" });
    expect(spec({ backup })).toMatchObject({ plugins: [{ parameters: { serverName: "odoo-db-v2" } }] });
  });

  it("backup: the S3 key fields are read from the item", () => {
    const credentials = { ...rgw.credentials, accessKeyField: "S3_KEY", secretKeyField: "S3_SECRET" };
    const backup = { objectStore: { ...rgw, credentials } };
    expect(object({ backup }, "ExternalSecret", 2).spec).toMatchObject({
      target: {
        template: { data: { ACCESS_KEY_ID: "{{ .S3_KEY }}", ACCESS_SECRET_KEY: "{{ .S3_SECRET }}" } },
      },
    });
  });

  it("bootstrapFromBackup: restores from the backup store under the old server name", () => {
    const options = {
      backup: { objectStore: rgw, serverName: "odoo-db-v2" },
      bootstrapFromBackup: { serverName: "odoo-db", targetTime: "2026-08-01T02:00:00Z" },
    };
    expect(spec(options)).toMatchObject({
      bootstrap: {
        recovery: {
          database: "app",
          owner: "app",
          recoveryTarget: { targetTime: "2026-08-01T02:00:00Z" },
          secret: { name: "odoo-db-app-credentials" },
          source: "origin",
        },
      },
      externalClusters: [
        {
          name: "origin",
          plugin: {
            name: "barman-cloud.cloudnative-pg.io",
            parameters: { barmanObjectName: "odoo-db-backup", serverName: "odoo-db" },
          },
        },
      ],
    });
    expect(objectsOf(build(options).app, "ObjectStore")).toHaveLength(1);
  });

  it("bootstrapFromBackup: another store gets its own ObjectStore and credentials", () => {
    const db = build({ backup: { objectStore: rgw }, bootstrapFromBackup: { objectStore: otherStore } });
    const stores = objectsOf(db.app, "ObjectStore");
    expect(stores.map((s) => (s.metadata as { name: string }).name)).toEqual([
      "odoo-db-backup",
      "odoo-db-restore",
    ]);
    expect(stores[1]?.spec).toMatchObject({ configuration: { destinationPath: "s3://old-postgres/" } });
    expect(objectsOf(db.app, "Cluster")[0]?.spec).toMatchObject({
      externalClusters: [
        { plugin: { parameters: { barmanObjectName: "odoo-db-restore", serverName: "odoo-db" } } },
      ],
    });
  });

  it("bootstrapFromBackup: restores without archiving when there is no backup", () => {
    const clusterSpec = spec({ bootstrapFromBackup: { objectStore: otherStore } });
    expect(clusterSpec.plugins).toBeUndefined();
    expect(clusterSpec).toMatchObject({ bootstrap: { recovery: { source: "origin" } } });
  });
});
