import { fileURLToPath } from "node:url";
import { componentYaml, renderComponents, testSettings } from "@k8s-ops/core";
import { appOf, helmValues, objectsOf, readmeShows, readmeYaml } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { authentik } from "./index.js";
import { base, cephBlock, internalGateway, providers, secrets } from "./test-support.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));
const settings = testSettings({ secretVariables: ["SECRET_DOMAIN"] });

describe("authentik", () => {
  it("renders the README example: database and authentik stages", async () => {
    // GIVEN the README example (secrets, gateway and storage class from the cluster's other components)
    // README:start
    const idp = authentik({
      store: secrets.secretStore,
      gateway: internalGateway,
      hostname: "auth.${SECRET_DOMAIN}",
      storageClass: cephBlock,
    });
    // README:end
    // WHEN rendered with its providers THEN it validates and matches the reviewed snapshot
    const yaml = componentYaml(idp, settings, providers);
    await expect(yaml).toMatchFileSnapshot("__snapshots__/authentik.default.yaml");
    // AND the README's excerpts are taken from it
    for (const excerpt of readmeYaml(README).split(/^ *# …\n/m)) expect(yaml).toContain(excerpt);
    expect(readmeShows(README, fileURLToPath(import.meta.url))).toBe(true);
    expect(idp.url).toBe("https://auth.${SECRET_DOMAIN}");
  });

  it("starts authentik after its database, the store and the gateway", () => {
    const files = renderComponents([...providers, authentik(base)], settings).files;
    const docs = parseAllDocuments(files.get("apps/authentik/authentik/ks.yaml") ?? "").map(
      (d) => d.toJS() as { metadata: { name: string }; spec: Record<string, unknown> },
    );
    const byName = new Map(docs.map((d) => [d.metadata.name, d.spec]));
    expect(byName.get("authentik")?.dependsOn).toEqual([
      { name: "authentik-db", namespace: "authentik" },
      { name: "external-secrets", namespace: "external-secrets" },
      { name: "onepassword-connect-store", namespace: "external-secrets" },
      { name: "envoy-gateways", namespace: "network" },
    ]);
  });

  it("connects authentik to the CloudNativePG database and takes the secret key from the store", () => {
    // GIVEN the component WHEN built
    const values = helmValues(appOf(authentik(base), "authentik"));
    // THEN
    expect(values.global).toEqual({
      env: [
        { name: "AUTHENTIK_POSTGRESQL__HOST", value: "authentik-db-rw.authentik.svc.cluster.local" },
        { name: "AUTHENTIK_POSTGRESQL__PORT", value: "5432" },
        { name: "AUTHENTIK_POSTGRESQL__NAME", value: "authentik" },
        {
          name: "AUTHENTIK_POSTGRESQL__USER",
          valueFrom: { secretKeyRef: { key: "username", name: "authentik-db-app-credentials" } },
        },
        {
          name: "AUTHENTIK_POSTGRESQL__PASSWORD",
          valueFrom: { secretKeyRef: { key: "password", name: "authentik-db-app-credentials" } },
        },
      ],
      envFrom: [{ secretRef: { name: "authentik-secret" } }],
    });
    expect(values.postgresql).toEqual({ enabled: false });
  });

  it("routes the host name to the server Service", () => {
    const [route] = objectsOf(appOf(authentik(base), "authentik"), "HTTPRoute");
    expect(route?.spec).toMatchObject({
      hostnames: ["auth.example.com"],
      rules: [{ backendRefs: [{ name: "authentik-server", port: 80 }] }],
    });
  });

  it("sizes server, worker and database, and names item and namespace", () => {
    const idp = authentik({
      ...base,
      serverReplicas: 3,
      workerReplicas: 2,
      databaseInstances: 3,
      databaseSize: "10Gi",
      databaseMonitoring: false,
      item: "idp",
      namespace: "identity",
    });
    const values = helmValues(appOf(idp, "authentik"));
    expect(values.server).toEqual({ metrics: { enabled: true }, replicas: 3 });
    expect(values.worker).toEqual({ replicas: 2 });
    expect(objectsOf(appOf(idp, "authentik-db"), "Cluster")[0]?.spec).toMatchObject({
      instances: 3,
      storage: { size: "10Gi" },
    });
    expect(objectsOf(appOf(idp, "authentik-db"), "VMPodScrape")).toEqual([]);
    expect(objectsOf(appOf(idp, "authentik"), "ExternalSecret")[0]?.spec).toMatchObject({
      dataFrom: [{ extract: { key: "idp" } }],
    });
    expect(idp.apps.map((a) => a.namespace)).toEqual(["identity", "identity"]);
  });

  it("databaseBackup: archives the database to the object store, business data kept 30 days", () => {
    // GIVEN an object store for the database
    const objectStore = {
      endpoint: "https://s3.example.com",
      bucket: "postgres",
      credentials: { store: secrets.secretStore, item: "postgres-backup" },
    };
    // WHEN built with it
    const component = authentik({ ...base, databaseBackup: { objectStore } });
    const db = appOf(component, "authentik-db");
    // THEN the database has its ObjectStore and ScheduledBackup, is business data, and the whole still validates
    expect(objectsOf(db, "ObjectStore")).toMatchObject([{ spec: { retentionPolicy: "30d" } }]);
    expect(objectsOf(db, "ScheduledBackup")).toMatchObject([{ spec: { cluster: { name: "authentik-db" } } }]);
    expect(objectsOf(db, "Cluster")[0]?.metadata).toMatchObject({
      annotations: { "k8s-ops.dev/data-class": "business", "k8s-ops.dev/rpo": "24h" },
    });
    expect(() => componentYaml(component, testSettings(), providers)).not.toThrow();
  });

  it("rejects options of the wrong type", () => {
    // GIVEN options the types reject THEN they do not compile (the builders are never called)
    const rejected = [
      // @ts-expect-error a storage class must be a StorageClassRef, not a name
      () => authentik({ ...base, storageClass: "ceph-block" }),
      // @ts-expect-error the gateway must be a GatewayRef, not a secret store
      () => authentik({ ...base, gateway: secrets.secretStore }),
      // @ts-expect-error unknown option
      () => authentik({ ...base, redis: true }),
    ];
    expect(rejected).toHaveLength(3);
  });
});
