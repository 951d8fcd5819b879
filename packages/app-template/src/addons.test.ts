import { appOf, objectsOf } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import type { AppTemplateOptions } from "./index.js";
import { block, blockSnapshots, build, container, external, ks, store, values } from "./test-support.js";

describe("appTemplate add-ons", () => {
  it("addons.database: adds a CloudNativePG app in the database stage and its Secret's keys to the environment", () => {
    const options: Partial<AppTemplateOptions> = {
      addons: {
        database: { storageClass: block, credentials: { store, item: "echo-db" }, env: { DB_HOST: "host" } },
      },
    };
    const component = build(options);
    const db = appOf(component, "echo-db");
    expect([db.folder, db.dir]).toEqual(["echo", "database"]);
    expect(objectsOf(db, "Cluster")).toMatchObject([{ spec: { instances: 1, storage: { size: "10Gi" } } }]);
    expect(container(options).env).toEqual({
      DB_HOST: { valueFrom: { secretKeyRef: { name: component.database?.secretName, key: "host" } } },
    });
    expect(ks(options)).toContain("    - name: echo-db\n      namespace: default\n");
  });

  it("addons.database.backup: archives the database to the object store on the backup's schedule", () => {
    // GIVEN a database add-on with a backup
    const objectStore = {
      endpoint: "https://s3.example.com",
      bucket: "postgres",
      credentials: { store, item: "s3" },
    };
    const options: Partial<AppTemplateOptions> = {
      addons: {
        database: { storageClass: block, credentials: { store, item: "echo-db" }, backup: { objectStore } },
      },
    };
    // WHEN built
    const db = appOf(build(options), "echo-db");
    // THEN the cluster archives WAL to its ObjectStore and a ScheduledBackup takes daily base backups
    expect(objectsOf(db, "ObjectStore")).toMatchObject([
      {
        metadata: { name: "echo-db-backup" },
        spec: { configuration: { destinationPath: "s3://postgres/" } },
      },
    ]);
    expect(objectsOf(db, "ScheduledBackup")).toMatchObject([{ spec: { schedule: "0 0 3 * * *" } }]);
    expect(objectsOf(db, "Cluster")).toMatchObject([
      { metadata: { annotations: { "k8s-ops.dev/data-class": "business", "k8s-ops.dev/rpo": "24h" } } },
    ]);
  });

  it("addons.cache: adds a Dragonfly app in the cache stage and its host to the environment", () => {
    const options: Partial<AppTemplateOptions> = { addons: { cache: { hostEnv: "REDIS_HOST" } } };
    const cache = appOf(build(options), "echo-cache");
    expect([cache.folder, cache.dir]).toEqual(["echo", "cache"]);
    expect(container(options).env).toEqual({ REDIS_HOST: "echo-cache.default.svc.cluster.local" });
    expect(ks(options)).toContain("    - name: echo-cache\n      namespace: default\n");
  });

  it("addons.backup: backs the claim up with VolSync and restores it from the latest backup", () => {
    const options: Partial<AppTemplateOptions> = {
      persistence: { data: { pvc: { storageClass: block, size: "1Gi" }, mountPath: "/data" } },
      addons: {
        backup: { volume: "data", snapshotClass: blockSnapshots, repository: { store, item: "volsync" } },
      },
    };
    const app = build(options).app;
    expect(objectsOf(app, "ReplicationSource")).toMatchObject([
      { spec: { sourcePVC: "echo-data", trigger: { schedule: "0 * * * *" } } },
    ]);
    expect(objectsOf(app, "PersistentVolumeClaim")).toMatchObject([
      { metadata: { name: "echo-data" }, spec: { dataSourceRef: { kind: "ReplicationDestination" } } },
    ]);
    expect(ks(options)).toContain("    - name: onepassword-connect-store\n");
  });

  it("addons.gatus: checks the route's URL", () => {
    const route = { gateway: external, hostname: "echo.example.com" };
    const [check] = objectsOf(build({ route, addons: { gatus: { interval: "5m" } } }).app, "ConfigMap");
    expect(check).toMatchObject({
      metadata: { name: "echo-gatus-ep", labels: { "gatus.io/enabled": "true" } },
    });
    expect(String((check as { data: Record<string, string> }).data["config.yaml"])).toContain(
      "url: https://echo.example.com",
    );
  });

  it("addons.metrics: adds a metrics port and a VMServiceScrape of it", () => {
    const options: Partial<AppTemplateOptions> = { addons: { metrics: { port: 9090, path: "/stats" } } };
    expect(values(options).service.app.ports).toEqual({ http: { port: 8080 }, metrics: { port: 9090 } });
    expect(objectsOf(build(options).app, "VMServiceScrape")).toMatchObject([
      { spec: { endpoints: [{ port: "metrics", path: "/stats" }] } },
    ]);
  });

  it("addons.secrets: writes each item to a Secret, in the environment when asked", () => {
    const options: Partial<AppTemplateOptions> = {
      addons: {
        secrets: [
          { store, item: "Echo Keys", env: true },
          { store, item: "other" },
        ],
      },
    };
    expect(objectsOf(build(options).app, "ExternalSecret").map((o) => o.metadata)).toEqual([
      { name: "echo-keys" },
      { name: "echo-other" },
    ]);
    expect(container(options).envFrom).toEqual([{ secretRef: { name: "echo-keys-secret" } }]);
  });

  it("persistence: a claim declares its data class and RPO for k8s-ops check, undeclared unless backed up or given", () => {
    // GIVEN one declared and one undeclared volume, neither backed up
    const component = build({
      persistence: {
        cache: { pvc: { storageClass: block, size: "1Gi" }, mountPath: "/cache" },
        ledger: {
          pvc: { storageClass: block, size: "1Gi", dataClass: "regulated", rpo: "1h" },
          mountPath: "/data",
        },
      },
    });
    // WHEN the claims are read
    const claims = objectsOf(appOf(component, "echo"), "PersistentVolumeClaim");
    // THEN only the declared one carries the annotations
    expect(
      claims.map((claim) => (claim as { metadata: { annotations?: unknown } }).metadata.annotations),
    ).toEqual([undefined, { "k8s-ops.dev/data-class": "regulated", "k8s-ops.dev/rpo": "1h" }]);
  });
});
