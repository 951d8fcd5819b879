import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { componentYaml, renderComponents, testSettings } from "@k8s-ops/core";
import { appOf, helmValues, objectsOf, readmeShows, readmeYaml } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { MATTERMOST_CHART, mattermost } from "./index.js";
import { base, cephBlock, internalGateway, providers, secrets } from "./test-support.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));
const settings = testSettings({ secretVariables: ["SECRET_DOMAIN"] });

type Ks = { metadata: { name: string }; spec: Record<string, unknown> };

describe("mattermost", () => {
  it("renders the README example: database and Mattermost stages", async () => {
    // GIVEN the README example (secrets, gateway and storage class from the cluster's other components)
    // README:start
    const chat = mattermost({
      store: secrets.secretStore,
      gateway: internalGateway,
      hostname: "chat.${SECRET_DOMAIN}",
      storageClass: cephBlock,
      s3: { endpoint: "http://rook-ceph-rgw-ceph-objectstore.rook-ceph.svc", bucket: "mattermost" },
    });
    // README:end
    // WHEN rendered with its providers THEN it validates and matches the reviewed snapshot
    const yaml = componentYaml(chat, settings, providers);
    await expect(yaml).toMatchFileSnapshot("__snapshots__/mattermost.default.yaml");
    // AND the README's excerpts are taken from it
    for (const excerpt of readmeYaml(README).split(/^ *# …\n/m)) expect(yaml).toContain(excerpt);
    expect(readmeShows(README, fileURLToPath(import.meta.url))).toBe(true);
    expect(chat.url).toBe("https://chat.${SECRET_DOMAIN}");
    expect(chat.apps.map((a) => [a.name, a.folder, a.dir])).toEqual([
      ["mattermost-db", "mattermost", "database"],
      ["mattermost", "mattermost", "app"],
    ]);
  });

  it("installs the Team Edition chart from its HTTPS repository, Renovate-annotated", () => {
    // GIVEN the chart constant and its source WHEN read THEN it is the pinned chart
    expect(MATTERMOST_CHART).toEqual({
      repository: "https://helm.mattermost.com",
      chart: "mattermost-team-edition",
      version: "6.7.0",
    });
    const source = readFileSync(fileURLToPath(new URL("./mattermost.ts", import.meta.url)), "utf8").split(
      "\n",
    );
    const at = source.findIndex((line) => line.trim().startsWith("version:"));
    expect(source[at - 1]?.trim()).toBe(
      "// renovate: datasource=helm depName=mattermost-team-edition registryUrl=https://helm.mattermost.com",
    );
    // AND the app renders a HelmRepository and a HelmChart, the release's chartRef naming the HelmChart
    const app = appOf(mattermost(base), "mattermost");
    expect(objectsOf(app, "HelmRepository")[0]?.spec).toEqual({
      interval: "1h",
      url: "https://helm.mattermost.com",
    });
    expect(objectsOf(app, "HelmChart")[0]?.spec).toMatchObject({
      chart: "mattermost-team-edition",
      sourceRef: { kind: "HelmRepository", name: "mattermost" },
      version: "6.7.0",
    });
    expect(objectsOf(app, "HelmRelease")[0]?.spec).toMatchObject({
      chartRef: { kind: "HelmChart", name: "mattermost" },
      timeout: "10m",
    });
  });

  it("starts Mattermost after its database, secrets and gateway", () => {
    // GIVEN the component WHEN rendered
    const files = renderComponents([...providers, mattermost(base)], settings).files;
    const ks = files.get("apps/mattermost/mattermost/ks.yaml") ?? "";
    const byName = new Map(
      parseAllDocuments(ks)
        .map((d) => d.toJS() as Ks)
        .map((d) => [d.metadata.name, d.spec]),
    );
    // THEN
    expect(byName.get("mattermost")?.dependsOn).toEqual([
      { name: "external-secrets", namespace: "external-secrets" },
      { name: "onepassword-connect-store", namespace: "external-secrets" },
      { name: "mattermost-db", namespace: "mattermost" },
      { name: "envoy-gateways", namespace: "network" },
    ]);
    expect(byName.get("mattermost-db")?.wait).toBe(true);
  });

  it("points Mattermost at the external PostgreSQL through a Secret, never inline", () => {
    // GIVEN the component WHEN built
    const app = appOf(mattermost(base), "mattermost");
    const values = helmValues(app);
    // THEN the bundled MySQL is off and the driver is postgres
    expect(values.mysql).toEqual({ enabled: false });
    expect(values.externalDB).toEqual({ enabled: true, externalDriverType: "postgres" });
    // AND the connection string comes from the ExternalSecret's Secret at the chart's path
    expect(objectsOf(app, "HelmRelease")[0]?.spec).toMatchObject({
      valuesFrom: [
        {
          kind: "Secret",
          name: "mattermost-db-connection-secret",
          targetPath: "externalDB.externalConnectionString",
          valuesKey: "connection",
        },
      ],
    });
    const [connection] = objectsOf(app, "ExternalSecret");
    expect(connection?.spec).toMatchObject({
      dataFrom: [{ extract: { key: "mattermost" } }],
      target: {
        name: "mattermost-db-connection-secret",
        template: {
          data: {
            connection:
              '"mattermost:{{ .POSTGRES_PASSWORD | urlquery }}@mattermost-db-rw.mattermost.svc.cluster.local:5432/mattermost?sslmode=require&connect_timeout=10"',
          },
        },
      },
    });
  });

  it("keeps files in the S3 bucket, with the keys from the secret store", () => {
    // GIVEN the component WHEN built
    const app = appOf(mattermost(base), "mattermost");
    const values = helmValues(app);
    // THEN
    expect(values.config).toEqual({
      MM_FILESETTINGS_AMAZONS3BUCKET: "mattermost",
      MM_FILESETTINGS_AMAZONS3ENDPOINT: "rook-ceph-rgw-ceph-objectstore.rook-ceph.svc",
      MM_FILESETTINGS_AMAZONS3REGION: "us-east-1",
      MM_FILESETTINGS_AMAZONS3SSL: "false",
      MM_FILESETTINGS_DRIVERNAME: "amazons3",
      MM_SERVICESETTINGS_SITEURL: "https://chat.example.com",
    });
    expect(values.extraEnvVars).toEqual([
      {
        name: "MM_FILESETTINGS_AMAZONS3ACCESSKEYID",
        valueFrom: { secretKeyRef: { name: "mattermost-s3-secret", key: "AWS_ACCESS_KEY_ID" } },
      },
      {
        name: "MM_FILESETTINGS_AMAZONS3SECRETACCESSKEY",
        valueFrom: { secretKeyRef: { name: "mattermost-s3-secret", key: "AWS_SECRET_ACCESS_KEY" } },
      },
    ]);
    expect(values.persistence).toEqual({ data: { enabled: false }, plugins: { enabled: false } });
    expect(objectsOf(app, "ExternalSecret")[1]?.spec).toMatchObject({
      dataFrom: [{ extract: { key: "mattermost-s3" } }],
    });
  });

  it("routes the host name to the chart's Service", () => {
    const [route] = objectsOf(appOf(mattermost(base), "mattermost"), "HTTPRoute");
    expect(route?.spec).toMatchObject({
      hostnames: ["chat.example.com"],
      parentRefs: [{ name: "envoy-internal", namespace: "network" }],
      rules: [{ backendRefs: [{ name: "mattermost-team-edition", port: 8065 }] }],
    });
  });

  it("rejects options of the wrong type", () => {
    // GIVEN options the types reject THEN they do not compile (the builders are never called)
    const rejected = [
      // @ts-expect-error a storage class must be a StorageClassRef, not a name
      () => mattermost({ ...base, storageClass: "ceph-block" }),
      // @ts-expect-error a gateway must be a GatewayRef, not a name
      () => mattermost({ ...base, gateway: "envoy-internal" }),
      // @ts-expect-error the S3 bucket is required
      () => mattermost({ ...base, s3: { endpoint: "http://rgw" } }),
      // @ts-expect-error settings are text
      () => mattermost({ ...base, settings: { MM_TEAMSETTINGS_ENABLEOPENSERVER: false } }),
      // @ts-expect-error unknown option
      () => mattermost({ ...base, replicas: 2 }),
    ];
    expect(rejected).toHaveLength(5);
  });
});
