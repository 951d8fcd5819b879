import { fileURLToPath } from "node:url";
import { componentYaml, renderComponents, testSettings } from "@k8s-ops/core";
import { appOf, helmValues, objectsOf, readmeShows, readmeYaml } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { HARBOR_CHART, harbor } from "./index.js";
import { base, cephBlock, internalGateway, providers, secrets } from "./test-support.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));
const settings = testSettings({ secretVariables: ["SECRET_DOMAIN"] });

type Ks = { metadata: { name: string }; spec: Record<string, unknown> };

describe("harbor", () => {
  it("renders the README example: database, cache and Harbor stages", async () => {
    // GIVEN the README example (secrets, gateway and storage class from the cluster's other components)
    // README:start
    const registry = harbor({
      store: secrets.secretStore,
      gateway: internalGateway,
      hostname: "registry.${SECRET_DOMAIN}",
      storageClass: cephBlock,
      s3: { endpoint: "http://rook-ceph-rgw-ceph-objectstore.rook-ceph.svc", bucket: "harbor" },
    });
    // README:end
    // WHEN rendered with its providers THEN it validates and matches the reviewed snapshot
    const yaml = componentYaml(registry, settings, providers);
    await expect(yaml).toMatchFileSnapshot("__snapshots__/harbor.default.yaml");
    // AND the README's excerpts are taken from it
    for (const excerpt of readmeYaml(README).split(/^ *# …\n/m)) expect(yaml).toContain(excerpt);
    expect(readmeShows(README, fileURLToPath(import.meta.url))).toBe(true);
    expect(registry.url).toBe("https://registry.${SECRET_DOMAIN}");
  });

  it("installs the chart from the OCI mirror", () => {
    expect(HARBOR_CHART).toEqual({
      url: "oci://ghcr.io/home-operations/charts-mirror/harbor",
      tag: "1.19.1",
    });
  });

  it("starts Harbor after its database, cache, secrets and gateway", () => {
    // GIVEN the component WHEN rendered
    const files = renderComponents([...providers, harbor(base)], settings).files;
    const docs = parseAllDocuments(files.get("apps/harbor/harbor/ks.yaml") ?? "").map((d) => d.toJS() as Ks);
    const byName = new Map(docs.map((d) => [d.metadata.name, d.spec]));
    // THEN
    expect(byName.get("harbor")?.dependsOn).toEqual([
      { name: "external-secrets", namespace: "external-secrets" },
      { name: "onepassword-connect-store", namespace: "external-secrets" },
      { name: "harbor-cache", namespace: "harbor" },
      { name: "harbor-db", namespace: "harbor" },
      { name: "envoy-gateways", namespace: "network" },
      { name: "rook-ceph", namespace: "rook-ceph" },
    ]);
  });

  it("points Harbor at the external database, the Dragonfly and the S3 bucket", () => {
    // GIVEN the component WHEN built
    const values = helmValues(appOf(harbor(base), "harbor"));
    // THEN
    expect(values.database).toEqual({
      type: "external",
      external: {
        coreDatabase: "registry",
        existingSecret: "harbor-db-app-credentials",
        host: "harbor-db-rw.harbor.svc.cluster.local",
        port: "5432",
        sslmode: "require",
        username: "harbor",
      },
    });
    expect(values.redis).toEqual({
      type: "external",
      external: {
        addr: "harbor-cache.harbor.svc.cluster.local:6379",
        coreDatabaseIndex: "0",
        jobserviceDatabaseIndex: "1",
        registryDatabaseIndex: "2",
        trivyAdapterIndex: "5",
      },
    });
    expect(values.persistence).toMatchObject({
      imageChartStorage: {
        type: "s3",
        s3: {
          bucket: "harbor",
          existingSecret: "harbor-s3-secret",
          region: "us-east-1",
          regionendpoint: "http://rook-ceph-rgw-ceph-objectstore.rook-ceph.svc",
        },
      },
    });
    expect(values.externalURL).toBe("https://registry.example.com");
  });

  it("builds the admin and S3 Secrets from their items", () => {
    const registry = harbor({
      ...base,
      item: "registry",
      s3: { ...base.s3, item: "rgw-harbor", region: "ceph" },
    });
    const [admin, s3] = objectsOf(appOf(registry, "harbor"), "ExternalSecret");
    expect(admin?.spec).toMatchObject({ dataFrom: [{ extract: { key: "registry" } }] });
    expect(s3?.spec).toMatchObject({
      dataFrom: [{ extract: { key: "rgw-harbor" } }],
      target: {
        template: {
          data: {
            REGISTRY_STORAGE_S3_ACCESSKEY: "{{ .AWS_ACCESS_KEY_ID }}",
            REGISTRY_STORAGE_S3_SECRETKEY: "{{ .AWS_SECRET_ACCESS_KEY }}",
          },
        },
      },
    });
    expect(helmValues(appOf(registry, "harbor")).persistence).toMatchObject({
      imageChartStorage: { s3: { region: "ceph" } },
    });
  });

  it("sizes database and cache, turns Trivy off and moves the namespace", () => {
    // GIVEN sizing options changed
    const registry = harbor({
      ...base,
      databaseInstances: 3,
      databaseSize: "10Gi",
      databaseMonitoring: false,
      cacheMemory: "1Gi",
      trivy: false,
      namespace: "registry",
    });
    // THEN
    expect(objectsOf(appOf(registry, "harbor-db"), "Cluster")[0]?.spec).toMatchObject({
      instances: 3,
      storage: { size: "10Gi" },
    });
    expect(objectsOf(appOf(registry, "harbor-db"), "VMPodScrape")).toEqual([]);
    expect(objectsOf(appOf(registry, "harbor-cache"), "Dragonfly")[0]?.spec).toMatchObject({
      resources: { limits: { memory: "1Gi" } },
    });
    expect(helmValues(appOf(registry, "harbor")).trivy).toEqual({ enabled: false });
    expect(registry.apps.map((a) => a.namespace)).toEqual(["registry", "registry", "registry"]);
  });

  it("routes the host name to the chart's Service", () => {
    const [route] = objectsOf(appOf(harbor(base), "harbor"), "HTTPRoute");
    expect(route?.spec).toMatchObject({
      hostnames: ["registry.example.com"],
      rules: [{ backendRefs: [{ name: "harbor", port: 80 }] }],
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
    const component = harbor({ ...base, databaseBackup: { objectStore } });
    const db = appOf(component, "harbor-db");
    // THEN the database has its ObjectStore and ScheduledBackup, is business data, and the whole still validates
    expect(objectsOf(db, "ObjectStore")).toMatchObject([{ spec: { retentionPolicy: "30d" } }]);
    expect(objectsOf(db, "ScheduledBackup")).toMatchObject([{ spec: { cluster: { name: "harbor-db" } } }]);
    expect(objectsOf(db, "Cluster")[0]?.metadata).toMatchObject({
      annotations: { "k8s-ops.dev/data-class": "business", "k8s-ops.dev/rpo": "24h" },
    });
    expect(() => componentYaml(component, testSettings(), providers)).not.toThrow();
  });

  it("rejects options of the wrong type", () => {
    // GIVEN options the types reject THEN they do not compile (the builders are never called)
    const rejected = [
      // @ts-expect-error a storage class must be a StorageClassRef, not a name
      () => harbor({ ...base, storageClass: "ceph-block" }),
      // @ts-expect-error the S3 bucket is required
      () => harbor({ ...base, s3: { endpoint: "http://rgw" } }),
      // @ts-expect-error unknown option
      () => harbor({ ...base, chartmuseum: true }),
    ];
    expect(rejected).toHaveLength(3);
  });
});
