import { objectsOf } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { type PostgresClusterOptions, postgresCluster } from "./index.js";
import { base, rgw, secrets, storage } from "./test-support.js";

const build = (options: Partial<PostgresClusterOptions>) => postgresCluster({ ...base, ...options });
const object = (options: Partial<PostgresClusterOptions>, kind: string, index = 0) =>
  objectsOf(build(options).app, kind)[index] as {
    metadata: Record<string, unknown>;
    spec: Record<string, unknown>;
  };
const spec = (options: Partial<PostgresClusterOptions>) => object(options, "Cluster").spec;

describe("postgresCluster options", () => {
  it("instances: sets the number of instances", () => {
    expect(spec({ instances: 1 }).instances).toBe(1);
  });

  it("storage: the data volume's class and size, and the app uses that class", () => {
    const db = build({ storage: { storageClass: storage.hostpath, size: "50Gi" } });
    expect(objectsOf(db.app, "Cluster")[0]?.spec).toMatchObject({
      storage: { size: "50Gi", storageClass: "openebs-hostpath" },
    });
    expect(db.uses).toContain(storage.hostpath);
  });

  it("walStorage: adds a WAL volume on its own class", () => {
    const db = build({ walStorage: { storageClass: storage.hostpath, size: "5Gi" } });
    expect(objectsOf(db.app, "Cluster")[0]?.spec).toMatchObject({
      walStorage: { size: "5Gi", storageClass: "openebs-hostpath" },
    });
    expect(db.uses).toEqual([storage.cephBlock, storage.hostpath, secrets.secretStore]);
  });

  it("credentials: item and fields choose where the passwords come from", () => {
    const credentials = {
      store: secrets.secretStore,
      item: "postgres",
      passwordField: "ODOO_PASSWORD",
      superuserPasswordField: "SUPER",
    };
    const [app, superuser] = objectsOf(build({ credentials }).app, "ExternalSecret");
    expect(app?.spec).toMatchObject({
      dataFrom: [{ extract: { key: "postgres" } }],
      target: { template: { data: { password: "{{ .ODOO_PASSWORD }}" } } },
    });
    expect(superuser?.spec).toMatchObject({ target: { template: { data: { password: "{{ .SUPER }}" } } } });
  });

  it("database and owner: name the application database and its owner", () => {
    const db = build({ database: "odoo", owner: "odoo_app" });
    expect(objectsOf(db.app, "Cluster")[0]?.spec).toMatchObject({
      bootstrap: { initdb: { database: "odoo", owner: "odoo_app" } },
    });
    expect(db.database).toBe("odoo");
    expect(object({ database: "odoo", owner: "odoo_app" }, "ExternalSecret").spec).toMatchObject({
      target: { template: { data: { dbname: "odoo", username: "odoo_app" } } },
    });
  });

  it("owner: defaults to the database name", () => {
    expect(spec({ database: "n8n" })).toMatchObject({ bootstrap: { initdb: { owner: "n8n" } } });
  });

  it("superuserAccess: false keeps postgres without a password login and its Secret away", () => {
    const db = build({ superuserAccess: false });
    const clusterSpec = objectsOf(db.app, "Cluster")[0]?.spec as Record<string, unknown>;
    expect(clusterSpec.enableSuperuserAccess).toBe(false);
    expect(clusterSpec.superuserSecret).toBeUndefined();
    expect(objectsOf(db.app, "ExternalSecret")).toHaveLength(1);
    expect(db.superuserSecretName).toBeUndefined();
  });

  it("operatorNamespace: is where the instances' status port is opened to", () => {
    expect(object({ operatorNamespace: "database" }, "NetworkPolicy").spec).toEqual({
      ingress: [
        {
          from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "database" } } }],
          ports: [{ port: 8000, protocol: "TCP" }],
        },
      ],
      podSelector: { matchLabels: { "cnpg.io/cluster": "odoo-db" } },
      policyTypes: ["Ingress"],
    });
  });

  it("monitoring: false renders no VMPodScrape", () => {
    expect(objectsOf(build({ monitoring: false }).app, "VMPodScrape")).toEqual([]);
  });

  it("managedRoles: become managed roles, with a password Secret where a field is named", () => {
    const db = build({
      managedRoles: [
        { name: "readonly", passwordField: "READONLY_PASSWORD", inRoles: ["pg_read_all_data"] },
        { name: "migrator", login: false, createdb: true },
      ],
    });
    expect(objectsOf(db.app, "Cluster")[0]?.spec).toMatchObject({
      managed: {
        roles: [
          {
            createdb: false,
            ensure: "present",
            inRoles: ["pg_read_all_data"],
            login: true,
            name: "readonly",
            passwordSecret: { name: "odoo-db-role-readonly-credentials" },
          },
          { createdb: true, ensure: "present", login: false, name: "migrator" },
        ],
      },
    });
    expect(objectsOf(db.app, "ExternalSecret")[2]?.spec).toMatchObject({
      target: { template: { data: { password: "{{ .READONLY_PASSWORD }}", username: "readonly" } } },
    });
  });

  it("parameters: set PostgreSQL parameters", () => {
    expect(spec({ parameters: { max_connections: "200" } })).toMatchObject({
      postgresql: { parameters: { max_connections: "200" } },
    });
  });

  it("imageName: replaces the PostgreSQL image", () => {
    expect(spec({ imageName: "ghcr.io/cloudnative-pg/postgresql:17.6-standard-trixie" }).imageName).toBe(
      "ghcr.io/cloudnative-pg/postgresql:17.6-standard-trixie",
    );
  });

  it("dataClass and rpo: are the annotations the backup policy reads", () => {
    expect(
      object({ backup: { objectStore: rgw }, dataClass: "regulated", rpo: "1h" }, "Cluster").metadata,
    ).toMatchObject({
      annotations: { "k8s-ops.dev/data-class": "regulated", "k8s-ops.dev/rpo": "1h" },
    });
  });

  it("layer, folder and dir: place the app, e.g. as a stage of the application using it", () => {
    const db = build({ layer: "apps", folder: "odoo", dir: "db" });
    expect(db.app).toMatchObject({ name: "odoo-db", layer: "apps", folder: "odoo", dir: "db" });
  });

  it("namespace: is the app's and the services'", () => {
    const db = build({ namespace: "erp" });
    expect([db.app.namespace, db.service.host]).toEqual(["erp", "odoo-db-rw.erp.svc.cluster.local"]);
  });
});
