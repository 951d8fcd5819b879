import { fileURLToPath } from "node:url";
import { componentYaml, defineApp, renderComponents, testSettings } from "@k8s-ops/core";
import { objectsOf, readmeShows, readmeYaml } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { postgresCluster } from "./index.js";
import { base, providers, rgw, secrets, storage } from "./test-support.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));
const settings = testSettings({ secretVariables: ["SECRET_DOMAIN"] });

const backedUp = postgresCluster({ ...base, backup: { objectStore: rgw } });

function kustomization(files: ReadonlyMap<string, string>, path: string) {
  const [ks] = parseAllDocuments(files.get(path) ?? "").map(
    (d) => d.toJS() as { spec: Record<string, unknown> },
  );
  return ks?.spec;
}

describe("postgresCluster", () => {
  it("renders the README example: a cluster with WAL volume and continuous backup", async () => {
    // GIVEN the README example
    // README:start
    const db = postgresCluster({
      name: "odoo-db",
      namespace: "business",
      instances: 3,
      storage: { storageClass: storage.cephBlock, size: "20Gi" },
      walStorage: { storageClass: storage.hostpath, size: "5Gi" },
      credentials: { store: secrets.secretStore, item: "odoo-db" },
      backup: {
        objectStore: {
          endpoint: "https://s3.${SECRET_DOMAIN}",
          bucket: "postgres",
          credentials: { store: secrets.secretStore, item: "postgres-backup" },
        },
        schedule: "0 0 3 * * *",
        retention: "30d",
      },
    });
    // README:end
    // WHEN rendered with the components it references THEN it validates and matches the reviewed snapshot
    const yaml = componentYaml(db, settings, providers);
    await expect(yaml).toMatchFileSnapshot("__snapshots__/postgres-cluster.default.yaml");
    // AND the README shows this very example and excerpts of this render
    expect(readmeShows(README, fileURLToPath(import.meta.url))).toBe(true);
    for (const excerpt of readmeYaml(README).split(/^ *# …\n/m)) expect(yaml).toContain(excerpt);
  });

  it("derives dependsOn from what it renders and uses: operator, plugin, storage, store", () => {
    // GIVEN a backed-up cluster with a WAL volume on another storage provider
    const db = postgresCluster({
      ...base,
      walStorage: { storageClass: storage.hostpath, size: "5Gi" },
      backup: { objectStore: rgw },
    });
    // WHEN rendered with its providers
    const rendered = renderComponents([...providers, db], settings);
    // THEN it validates and its app depends on each provider, and waits for a ready cluster
    expect(rendered.findings).toEqual([]);
    const ks = kustomization(rendered.files, "apps/business/odoo-db/ks.yaml");
    expect(ks?.dependsOn).toEqual([
      { name: "cloudnative-pg", namespace: "cnpg-system" }, // Cluster, ScheduledBackup
      { name: "plugin-barman-cloud", namespace: "cnpg-system" }, // ObjectStore
      { name: "external-secrets", namespace: "external-secrets" }, // ExternalSecret
      { name: "onepassword-connect-store", namespace: "external-secrets" }, // the store
      { name: "victoria-metrics-operator", namespace: "observability" }, // VMPodScrape
      { name: "openebs", namespace: "openebs-system" }, // walStorage
      { name: "rook-ceph", namespace: "rook-ceph" }, // storage
    ]);
    expect(ks?.wait).toBe(true);
    expect(ks?.healthCheckExprs).toEqual([
      {
        apiVersion: "postgresql.cnpg.io/v1",
        kind: "Cluster",
        current:
          "has(status.conditions) && status.conditions.exists(e, e.type == 'Ready' && e.status == 'True')",
      },
    ]);
  });

  it("makes an app that uses the service wait for the database", () => {
    // GIVEN an application using the cluster's service
    const odoo = defineApp({
      name: "odoo",
      namespace: "business",
      layer: "apps",
      objects: [],
      uses: [backedUp.service],
    });
    // WHEN rendered THEN it depends on the database app
    const rendered = renderComponents([...providers, backedUp, { name: "odoo", apps: [odoo] }], settings);
    expect(rendered.findings).toEqual([]);
    expect(kustomization(rendered.files, "apps/business/odoo/ks.yaml")?.dependsOn).toEqual([
      { name: "odoo-db", namespace: "business" },
    ]);
  });

  it("archives WAL through the barman-cloud plugin and schedules base backups", () => {
    // GIVEN a backed-up cluster WHEN built
    const [cluster] = objectsOf(backedUp.app, "Cluster");
    const [store] = objectsOf(backedUp.app, "ObjectStore");
    const [scheduled] = objectsOf(backedUp.app, "ScheduledBackup");
    // THEN the Cluster names the plugin and store, the store writes to the bucket, the schedule uses the plugin
    expect(cluster?.spec).toMatchObject({
      plugins: [
        {
          isWALArchiver: true,
          name: "barman-cloud.cloudnative-pg.io",
          parameters: { barmanObjectName: "odoo-db-backup", serverName: "odoo-db" },
        },
      ],
    });
    expect(store?.spec).toEqual({
      configuration: {
        data: { compression: "gzip" },
        destinationPath: "s3://postgres/",
        endpointURL: "https://s3.${SECRET_DOMAIN}",
        s3Credentials: {
          accessKeyId: { key: "ACCESS_KEY_ID", name: "odoo-db-backup-s3-credentials" },
          secretAccessKey: { key: "ACCESS_SECRET_KEY", name: "odoo-db-backup-s3-credentials" },
        },
        wal: { compression: "gzip" },
      },
      retentionPolicy: "30d",
    });
    expect(scheduled?.spec).toEqual({
      backupOwnerReference: "self",
      cluster: { name: "odoo-db" },
      immediate: true,
      method: "plugin",
      pluginConfiguration: { name: "barman-cloud.cloudnative-pg.io" },
      schedule: "0 0 3 * * *",
    });
  });

  it("reads the passwords from 1Password into the Secrets the Cluster takes", () => {
    // GIVEN the required options WHEN built
    const db = postgresCluster(base);
    const [cluster] = objectsOf(db.app, "Cluster");
    const [app, superuser] = objectsOf(db.app, "ExternalSecret");
    // THEN initdb and the superuser use the ExternalSecrets' targets, built from the item's fields
    expect(cluster?.spec).toMatchObject({
      bootstrap: { initdb: { database: "app", owner: "app", secret: { name: "odoo-db-app-credentials" } } },
      enableSuperuserAccess: true,
      superuserSecret: { name: "odoo-db-superuser-credentials" },
    });
    expect(app?.spec).toMatchObject({
      dataFrom: [{ extract: { key: "odoo-db" } }],
      target: {
        name: "odoo-db-app-credentials",
        template: {
          data: {
            dbname: "app",
            host: "odoo-db-rw.business.svc.cluster.local",
            password: "{{ .POSTGRES_PASSWORD }}",
            port: "5432",
            uri: "postgresql://app:{{ .POSTGRES_PASSWORD | urlquery }}@odoo-db-rw.business.svc.cluster.local:5432/app",
            username: "app",
          },
        },
      },
    });
    expect(superuser?.spec).toMatchObject({
      target: { template: { data: { password: "{{ .POSTGRES_SUPER_PASSWORD }}", username: "postgres" } } },
    });
  });

  it("writes the logins as basic-auth Secrets the operator reloads when a password is rotated", () => {
    // GIVEN a backed-up cluster with a managed role that has a password
    const db = postgresCluster({
      ...base,
      backup: { objectStore: rgw },
      managedRoles: [{ name: "reader", passwordField: "READER_PASSWORD" }],
    });
    // WHEN its ExternalSecrets are read
    const templates = objectsOf(db.app, "ExternalSecret").map((es) => {
      const { target } = es.spec as { target: { name: string; template: Record<string, unknown> } };
      return [target.name, { type: target.template.type, metadata: target.template.metadata }];
    });
    // THEN the owner's, the superuser's and the role's are basic-auth and labelled cnpg.io/reload; the S3 keys are not
    const login = { type: "kubernetes.io/basic-auth", metadata: { labels: { "cnpg.io/reload": "true" } } };
    expect(Object.fromEntries(templates)).toEqual({
      "odoo-db-app-credentials": login,
      "odoo-db-superuser-credentials": login,
      "odoo-db-role-reader-credentials": login,
      "odoo-db-backup-s3-credentials": { type: undefined, metadata: undefined },
    });
  });

  it("exports the services and the credentials Secret for applications", () => {
    // GIVEN the required options WHEN built THEN the service references the database app
    const db = postgresCluster(base);
    expect(db.service).toEqual({
      type: "Service",
      name: "odoo-db-rw",
      namespace: "business",
      provider: { name: "odoo-db", namespace: "business" },
      port: 5432,
      host: "odoo-db-rw.business.svc.cluster.local",
    });
    expect(db.readOnlyService.host).toBe("odoo-db-ro.business.svc.cluster.local");
    expect([db.secretName, db.superuserSecretName, db.database]).toEqual([
      "odoo-db-app-credentials",
      "odoo-db-superuser-credentials",
      "app",
    ]);
    expect(db.apps).toEqual([db.app]);
    expect(db.app.objects).toEqual(db.objects);
    expect(db.app.uses).toEqual(db.uses);
  });

  it("declares its data class for the backup policy: business unless told it may be lost", () => {
    // GIVEN a cluster without a backup or a class, one declared ephemeral, and one backed up
    const annotations = (db: typeof backedUp) =>
      (objectsOf(db.app, "Cluster")[0]?.metadata as { annotations?: Record<string, string> } | undefined)
        ?.annotations;
    // WHEN built THEN the first is business data with a 24h RPO, which the cluster's backup policy then holds it to
    expect(annotations(postgresCluster(base))).toEqual({
      "k8s-ops.dev/data-class": "business",
      "k8s-ops.dev/rpo": "24h",
    });
    // AND only the one declared ephemeral escapes the policy
    expect(annotations(postgresCluster({ ...base, dataClass: "ephemeral" }))).toEqual({
      "k8s-ops.dev/data-class": "ephemeral",
    });
    expect(annotations(backedUp)).toEqual({ "k8s-ops.dev/data-class": "business", "k8s-ops.dev/rpo": "24h" });
  });
});
