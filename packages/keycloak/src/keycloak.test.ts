import { fileURLToPath } from "node:url";
import { componentYaml, renderComponents, testSettings } from "@k8s-ops/core";
import { appOf, objectsOf, readmeShows, readmeYaml } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { keycloak } from "./index.js";
import { base, cephBlock, internalGateway, operatorChart, providers, secrets } from "./test-support.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));
const settings = testSettings({ secretVariables: ["SECRET_DOMAIN"] });

type Ks = { metadata: { name: string }; spec: Record<string, unknown> };

describe("keycloak", () => {
  it("renders the README example: operator, database and server stages", async () => {
    // GIVEN the README example (secrets, gateway, storage class and chart from the cluster's other components)
    // README:start
    const sso = keycloak({
      operatorChart,
      store: secrets.secretStore,
      gateway: internalGateway,
      hostname: "sso.${SECRET_DOMAIN}",
      storageClass: cephBlock,
      realms: { home: { enabled: true, displayName: "Home" } },
    });
    // README:end
    // WHEN rendered with its providers THEN it validates and matches the reviewed snapshot
    const yaml = componentYaml(sso, settings, providers);
    await expect(yaml).toMatchFileSnapshot("__snapshots__/keycloak.default.yaml");
    // AND the README's excerpts are taken from it
    for (const excerpt of readmeYaml(README).split(/^ *# …\n/m)) expect(yaml).toContain(excerpt);
    expect(readmeShows(README, fileURLToPath(import.meta.url))).toBe(true);
  });

  it("orders operator, database and server through CRDs and references", () => {
    // GIVEN the component WHEN rendered
    const files = renderComponents([...providers, keycloak(base)], settings).files;
    const docs = parseAllDocuments(files.get("apps/keycloak/keycloak/ks.yaml") ?? "").map(
      (d) => d.toJS() as Ks,
    );
    const byName = new Map(docs.map((d) => [d.metadata.name, d.spec]));
    // THEN the operator waits, and the server depends on it, the database, the store and the gateway
    expect(byName.get("keycloak-operator")?.wait).toBe(true);
    expect(byName.get("keycloak")?.dependsOn).toEqual([
      { name: "external-secrets", namespace: "external-secrets" },
      { name: "onepassword-connect-store", namespace: "external-secrets" },
      { name: "keycloak-db", namespace: "keycloak" },
      { name: "keycloak-operator", namespace: "keycloak" },
      { name: "envoy-gateways", namespace: "network" },
    ]);
    expect(byName.get("keycloak")?.wait).toBe(true);
  });

  it("connects the server to the CloudNativePG database and the admin Secret", () => {
    // GIVEN the component WHEN built
    const [server] = objectsOf(appOf(keycloak(base), "keycloak"), "Keycloak");
    // THEN
    expect(server?.spec).toEqual({
      bootstrapAdmin: { user: { secret: "keycloak-admin-secret" } },
      db: {
        vendor: "postgres",
        host: "keycloak-db-rw.keycloak.svc.cluster.local",
        port: 5432,
        database: "keycloak",
        usernameSecret: { name: "keycloak-db-app-credentials", key: "username" },
        passwordSecret: { name: "keycloak-db-app-credentials", key: "password" },
      },
      hostname: { hostname: "https://sso.example.com" },
      http: { httpEnabled: true },
      ingress: { enabled: false },
      instances: 1,
      proxy: { headers: "xforwarded" },
    });
  });

  it("routes the host name to the operator's Service", () => {
    const [route] = objectsOf(appOf(keycloak(base), "keycloak"), "HTTPRoute");
    expect(route?.spec).toMatchObject({
      hostnames: ["sso.example.com"],
      rules: [{ backendRefs: [{ name: "keycloak-service", port: 8080 }] }],
    });
  });

  it("imports each realm by name and none by default", () => {
    expect(objectsOf(appOf(keycloak(base), "keycloak"), "KeycloakRealmImport")).toEqual([]);
    const imports = objectsOf(
      appOf(keycloak({ ...base, realms: { home: { enabled: true } } }), "keycloak"),
      "KeycloakRealmImport",
    );
    expect(imports.map((i) => [(i.metadata as { name: string }).name, i.spec])).toEqual([
      ["keycloak-home", { keycloakCRName: "keycloak", realm: { enabled: true, realm: "home" } }],
    ]);
  });

  it("sizes the server and the database, and names item and namespace", () => {
    // GIVEN every sizing option changed
    const sso = keycloak({
      ...base,
      instances: 2,
      databaseInstances: 3,
      databaseSize: "10Gi",
      databaseMonitoring: false,
      item: "sso",
      namespace: "identity",
    });
    // THEN
    const [server] = objectsOf(appOf(sso, "keycloak"), "Keycloak");
    expect(server?.spec).toMatchObject({ instances: 2 });
    const [cluster] = objectsOf(appOf(sso, "keycloak-db"), "Cluster");
    expect(cluster?.spec).toMatchObject({ instances: 3, storage: { size: "10Gi" } });
    expect(objectsOf(appOf(sso, "keycloak-db"), "VMPodScrape")).toEqual([]);
    const [admin] = objectsOf(appOf(sso, "keycloak"), "ExternalSecret");
    expect(admin?.spec).toMatchObject({ dataFrom: [{ extract: { key: "sso" } }] });
    expect(sso.apps.map((a) => a.namespace)).toEqual(["identity", "identity", "identity"]);
  });

  it("installs the operator from the given chart with the k8s.keycloak.org CRDs", () => {
    const operator = appOf(keycloak(base), "keycloak-operator");
    expect(operator.crds).toEqual(["k8s.keycloak.org/*"]);
    expect(objectsOf(operator, "OCIRepository")[0]?.spec).toMatchObject({
      ref: { tag: "1.0.0" },
      url: "oci://registry.example.com/charts/keycloak-operator",
    });
  });

  it("databaseBackup: archives the database to the object store, business data kept 30 days", () => {
    // GIVEN an object store for the database
    const objectStore = {
      endpoint: "https://s3.example.com",
      bucket: "postgres",
      credentials: { store: secrets.secretStore, item: "postgres-backup" },
    };
    // WHEN built with it
    const component = keycloak({ ...base, databaseBackup: { objectStore } });
    const db = appOf(component, "keycloak-db");
    // THEN the database has its ObjectStore and ScheduledBackup, is business data, and the whole still validates
    expect(objectsOf(db, "ObjectStore")).toMatchObject([{ spec: { retentionPolicy: "30d" } }]);
    expect(objectsOf(db, "ScheduledBackup")).toMatchObject([{ spec: { cluster: { name: "keycloak-db" } } }]);
    expect(objectsOf(db, "Cluster")[0]?.metadata).toMatchObject({
      annotations: { "k8s-ops.dev/data-class": "business", "k8s-ops.dev/rpo": "24h" },
    });
    expect(() => componentYaml(component, testSettings(), providers)).not.toThrow();
  });

  it("rejects options of the wrong type", () => {
    // GIVEN options the types reject THEN they do not compile (the builders are never called)
    const rejected = [
      // @ts-expect-error a storage class must be a StorageClassRef, not a name
      () => keycloak({ ...base, storageClass: "ceph-block" }),
      // @ts-expect-error the gateway must be a GatewayRef, not a secret store
      () => keycloak({ ...base, gateway: secrets.secretStore }),
      // @ts-expect-error unknown option
      () => keycloak({ ...base, adminPassword: "hunter2" }),
      // @ts-expect-error the operator chart is required
      () => keycloak({ ...base, operatorChart: undefined }),
    ];
    expect(rejected).toHaveLength(4);
  });
});
