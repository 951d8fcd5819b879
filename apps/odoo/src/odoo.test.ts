import { fileURLToPath } from "node:url";
import { componentYaml, renderComponents } from "@k8s-ops/core";
import { appOf, helmValues, objectsOf, readmeShows } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { type OdooOptions, odoo } from "./index.js";
import { block, blockSnapshots, external, platform, settings, store } from "./test-support.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));
const base: OdooOptions = { gateway: external, store, storageClass: block, snapshotClass: blockSnapshots };

describe("odoo", () => {
  it("renders the README example", async () => {
    // GIVEN the README example
    // README:start
    const app = odoo({ gateway: external, store, storageClass: block, snapshotClass: blockSnapshots });
    // README:end
    // WHEN rendered with what it references THEN it validates and matches the reviewed snapshot
    await expect(componentYaml(app, settings, platform)).toMatchFileSnapshot(
      "__snapshots__/odoo.default.yaml",
    );
    expect(readmeShows(README, fileURLToPath(import.meta.url))).toBe(true);
  });

  it("has a database, a backed-up filestore and a route, and depends on what provides them", () => {
    // GIVEN the defaults WHEN built and rendered
    const component = odoo(base);
    const app = appOf(component, "odoo");
    const ks = renderComponents([...platform, component], settings).files.get("apps/odoo/odoo/ks.yaml");
    // THEN the three are there, and the app waits for the database stage, the gateway, the storage and the store
    expect(objectsOf(appOf(component, "odoo-db"), "Cluster")).toHaveLength(1);
    expect(objectsOf(app, "ReplicationSource")).toMatchObject([{ spec: { sourcePVC: "odoo-filestore" } }]);
    expect(objectsOf(app, "HTTPRoute")).toMatchObject([{ spec: { hostnames: ["odoo.${SECRET_DOMAIN}"] } }]);
    for (const dep of ["odoo-db", "envoy-gateways", "rook-ceph", "onepassword-connect-store"])
      expect(ks).toContain(`    - name: ${dep}\n`);
  });

  it("connects to PostgreSQL with the variables the image's entrypoint reads", () => {
    const values = helmValues(appOf(odoo(base), "odoo")) as {
      controllers: { odoo: { containers: { app: { env: Record<string, unknown> } } } };
    };
    expect(Object.keys(values.controllers.odoo.containers.app.env)).toEqual([
      "HOST",
      "PORT",
      "USER",
      "PASSWORD",
    ]);
  });
});

describe("odoo options", () => {
  it("namespace: moves every app", () => {
    expect(odoo({ ...base, namespace: "erp" }).apps.map((a) => a.namespace)).toEqual(["erp", "erp"]);
  });

  it("hostname: is the routed host", () => {
    const app = appOf(odoo({ ...base, hostname: "erp.example.com" }), "odoo");
    expect(objectsOf(app, "HTTPRoute")).toMatchObject([{ spec: { hostnames: ["erp.example.com"] } }]);
  });

  it("databaseBackup: archives the database to the object store, daily base backups kept 30 days", () => {
    // GIVEN an object store for the database
    const objectStore = {
      endpoint: "https://s3.example.com",
      bucket: "postgres",
      credentials: { store, item: "s3" },
    };
    // WHEN built with it
    const db = appOf(odoo({ ...base, databaseBackup: { objectStore } }), "odoo-db");
    // THEN the database has its ObjectStore and ScheduledBackup, and is business data with a 24h RPO
    expect(objectsOf(db, "ObjectStore")).toMatchObject([{ spec: { retentionPolicy: "30d" } }]);
    expect(objectsOf(db, "ScheduledBackup")).toMatchObject([{ spec: { cluster: { name: "odoo-db" } } }]);
    expect(objectsOf(db, "Cluster")).toMatchObject([
      { metadata: { annotations: { "k8s-ops.dev/data-class": "business", "k8s-ops.dev/rpo": "24h" } } },
    ]);
  });

  it("filestoreSize and databaseSize: size the volumes", () => {
    const component = odoo({ ...base, filestoreSize: "50Gi", databaseSize: "100Gi" });
    expect(objectsOf(appOf(component, "odoo"), "PersistentVolumeClaim")).toMatchObject([
      { spec: { resources: { requests: { storage: "50Gi" } } } },
    ]);
    expect(objectsOf(appOf(component, "odoo-db"), "Cluster")).toMatchObject([
      { spec: { storage: { size: "100Gi" } } },
    ]);
  });

  it("backupItem: names the restic repository's item", () => {
    const app = appOf(odoo({ ...base, backupItem: "restic-odoo" }), "odoo");
    expect(
      objectsOf(app, "ExternalSecret").map((o) => (o.spec as { dataFrom: unknown }).dataFrom),
    ).toContainEqual([{ extract: { key: "restic-odoo" } }]);
  });

  it("rejects bad option types at compile time", () => {
    const typeChecks = () => {
      // @ts-expect-error the gateway is a GatewayRef, not a name
      odoo({ ...base, gateway: "envoy-external" });
      // @ts-expect-error the snapshot class is required
      odoo({ gateway: external, store, storageClass: block });
    };
    expect(typeChecks).toBeTypeOf("function");
  });
});
