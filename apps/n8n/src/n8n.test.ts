import { fileURLToPath } from "node:url";
import { componentYaml, renderComponents } from "@k8s-ops/core";
import { appOf, helmValues, objectsOf, readmeShows } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { type N8nOptions, n8n } from "./index.js";
import { block, blockSnapshots, external, platform, settings, store } from "./test-support.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));
const base: N8nOptions = { gateway: external, store, storageClass: block, snapshotClass: blockSnapshots };

describe("n8n", () => {
  it("renders the README example", async () => {
    // GIVEN the README example
    // README:start
    const app = n8n({ gateway: external, store, storageClass: block, snapshotClass: blockSnapshots });
    // README:end
    // WHEN rendered with what it references THEN it validates and matches the reviewed snapshot
    await expect(componentYaml(app, settings, platform)).toMatchFileSnapshot(
      "__snapshots__/n8n.default.yaml",
    );
    expect(readmeShows(README, fileURLToPath(import.meta.url))).toBe(true);
  });

  it("has a database, a backed-up filestore and a route, and depends on what provides them", () => {
    // GIVEN the defaults WHEN built and rendered
    const component = n8n(base);
    const app = appOf(component, "n8n");
    const ks = renderComponents([...platform, component], settings).files.get("apps/n8n/n8n/ks.yaml");
    // THEN the three are there, and the app waits for the database stage, the gateway, the storage and the store
    expect(objectsOf(appOf(component, "n8n-db"), "Cluster")).toHaveLength(1);
    expect(objectsOf(app, "ReplicationSource")).toMatchObject([{ spec: { sourcePVC: "n8n-data" } }]);
    expect(objectsOf(app, "HTTPRoute")).toMatchObject([{ spec: { hostnames: ["n8n.${SECRET_DOMAIN}"] } }]);
    for (const dep of ["n8n-db", "envoy-gateways", "rook-ceph", "onepassword-connect-store"])
      expect(ks).toContain(`    - name: ${dep}\n`);
  });

  it("connects to PostgreSQL and serves its public URL", () => {
    const values = helmValues(appOf(n8n(base), "n8n")) as {
      controllers: { n8n: { containers: { app: { env: Record<string, unknown> } } } };
    };
    expect(values.controllers.n8n.containers.app.env).toMatchObject({
      DB_TYPE: "postgresdb",
      DB_POSTGRESDB_HOST: { valueFrom: { secretKeyRef: { key: "host", name: "n8n-db-app-credentials" } } },
      WEBHOOK_URL: "https://n8n.${SECRET_DOMAIN}/",
    });
  });
});

describe("n8n options", () => {
  it("namespace: moves every app", () => {
    expect(n8n({ ...base, namespace: "automation" }).apps.map((a) => a.namespace)).toEqual([
      "automation",
      "automation",
    ]);
  });

  it("hostname: is the routed host", () => {
    const app = appOf(n8n({ ...base, hostname: "flows.example.com" }), "n8n");
    expect(objectsOf(app, "HTTPRoute")).toMatchObject([{ spec: { hostnames: ["flows.example.com"] } }]);
    expect(helmValues(app)).toMatchObject({
      controllers: { n8n: { containers: { app: { env: { N8N_HOST: "flows.example.com" } } } } },
    });
  });

  it("databaseBackup: archives the database to the object store, daily base backups kept 30 days", () => {
    // GIVEN an object store for the database
    const objectStore = {
      endpoint: "https://s3.example.com",
      bucket: "postgres",
      credentials: { store, item: "s3" },
    };
    // WHEN built with it
    const db = appOf(n8n({ ...base, databaseBackup: { objectStore } }), "n8n-db");
    // THEN the database has its ObjectStore and ScheduledBackup, and is business data with a 24h RPO
    expect(objectsOf(db, "ObjectStore")).toMatchObject([{ spec: { retentionPolicy: "30d" } }]);
    expect(objectsOf(db, "ScheduledBackup")).toMatchObject([{ spec: { cluster: { name: "n8n-db" } } }]);
    expect(objectsOf(db, "Cluster")).toMatchObject([
      { metadata: { annotations: { "k8s-ops.dev/data-class": "business", "k8s-ops.dev/rpo": "24h" } } },
    ]);
  });

  it("dataSize and databaseSize: size the volumes", () => {
    const component = n8n({ ...base, dataSize: "50Gi", databaseSize: "100Gi" });
    expect(objectsOf(appOf(component, "n8n"), "PersistentVolumeClaim")).toMatchObject([
      { spec: { resources: { requests: { storage: "50Gi" } } } },
    ]);
    expect(objectsOf(appOf(component, "n8n-db"), "Cluster")).toMatchObject([
      { spec: { storage: { size: "100Gi" } } },
    ]);
  });

  it("backupItem: names the restic repository's item", () => {
    const app = appOf(n8n({ ...base, backupItem: "restic-n8n" }), "n8n");
    expect(
      objectsOf(app, "ExternalSecret").map((o) => (o.spec as { dataFrom: unknown }).dataFrom),
    ).toContainEqual([{ extract: { key: "restic-n8n" } }]);
  });

  it("rejects bad option types at compile time", () => {
    const typeChecks = () => {
      // @ts-expect-error the gateway is a GatewayRef, not a name
      n8n({ ...base, gateway: "envoy-external" });
      // @ts-expect-error the snapshot class is required
      n8n({ gateway: external, store, storageClass: block });
    };
    expect(typeChecks).toBeTypeOf("function");
  });
});
