import { fileURLToPath } from "node:url";
import { componentYaml, renderComponents, testSettings } from "@k8s-ops/core";
import { appOf, helmValues, objectsOf, readmeShows, readmeYaml } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { GITLAB_CHART, gitlab } from "./index.js";
import { base, cephBlock, internalGateway, providers, secrets } from "./test-support.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));
const settings = testSettings({ secretVariables: ["SECRET_DOMAIN"] });

type Ks = { metadata: { name: string }; spec: Record<string, unknown> };
describe("gitlab", () => {
  it("renders the README example: database and GitLab stages", async () => {
    // GIVEN the README example (secrets, gateway and storage class from the cluster's other components)
    // README:start
    const gl = gitlab({
      store: secrets.secretStore,
      gateway: internalGateway,
      hostname: "gitlab.${SECRET_DOMAIN}",
      registryHostname: "gitlab-registry.${SECRET_DOMAIN}",
      storageClass: cephBlock,
      objectStorage: { endpoint: "http://rook-ceph-rgw-ceph-objectstore.rook-ceph.svc:80" },
    });
    // README:end
    // WHEN rendered with its providers THEN it validates and matches the reviewed snapshot
    const yaml = componentYaml(gl, settings, providers);
    await expect(yaml).toMatchFileSnapshot("__snapshots__/gitlab.default.yaml");
    // AND the README's excerpts are taken from it
    for (const excerpt of readmeYaml(README).split(/^ *# …\n/m)) expect(yaml).toContain(excerpt);
    expect(readmeShows(README, fileURLToPath(import.meta.url))).toBe(true);
    expect(gl.server).toEqual({
      url: "https://gitlab.${SECRET_DOMAIN}",
      app: {
        type: "App",
        name: "gitlab",
        namespace: "gitlab",
        provider: { name: "gitlab", namespace: "gitlab" },
      },
    });
    expect(gl.registryUrl).toBe("https://gitlab-registry.${SECRET_DOMAIN}");
  });

  it("installs the chart from GitLab's Helm repository through a HelmChart", () => {
    // GIVEN the component WHEN built THEN the release's chartRef names the HelmChart on charts.gitlab.io
    const app = appOf(gitlab(base), "gitlab");
    expect(GITLAB_CHART).toEqual({
      repository: "https://charts.gitlab.io",
      chart: "gitlab",
      version: "9.8.3",
    });
    expect(objectsOf(app, "HelmRelease")[0]?.spec).toMatchObject({
      chartRef: { kind: "HelmChart", name: "gitlab" },
      timeout: "30m",
    });
    expect(objectsOf(app, "HelmRepository")[0]?.spec).toMatchObject({ url: "https://charts.gitlab.io" });
    expect(objectsOf(app, "HelmChart")[0]?.spec).toMatchObject({ chart: "gitlab", version: "9.8.3" });
  });

  it("starts GitLab after its database, secrets, gateway and storage", () => {
    // GIVEN the component WHEN rendered
    const files = renderComponents([...providers, gitlab(base)], settings).files;
    const docs = parseAllDocuments(files.get("apps/gitlab/gitlab/ks.yaml") ?? "").map((d) => d.toJS() as Ks);
    const byName = new Map(docs.map((d) => [d.metadata.name, d.spec]));
    // THEN
    expect(byName.get("gitlab")?.dependsOn).toEqual([
      { name: "external-secrets", namespace: "external-secrets" },
      { name: "onepassword-connect-store", namespace: "external-secrets" },
      { name: "gitlab-db", namespace: "gitlab" },
      { name: "envoy-gateways", namespace: "network" },
      { name: "rook-ceph", namespace: "rook-ceph" },
    ]);
    expect(byName.get("gitlab-db")?.wait).toBe(true);
  });

  it("points GitLab at the CloudNativePG database and turns the bundled services off", () => {
    // GIVEN the component WHEN built
    const values = helmValues(appOf(gitlab(base), "gitlab"));
    const global = values.global as Record<string, unknown>;
    // THEN PostgreSQL is the -rw service, with the owner's password from the CNPG app Secret
    expect(global.psql).toEqual({
      database: "gitlabhq_production",
      host: "gitlab-db-rw.gitlab.svc.cluster.local",
      password: { key: "password", secret: "gitlab-db-app-credentials" },
      port: 5432,
      username: "gitlab",
    });
    // AND the chart installs no NGINX, cert-manager, PostgreSQL, Prometheus, MinIO, runner or agent server
    expect(values).toMatchObject({
      installCertmanager: false,
      "gitlab-runner": { install: false },
      "nginx-ingress": { enabled: false },
      postgresql: { install: false },
      prometheus: { install: false },
      redis: { install: true },
    });
    expect(global).toMatchObject({
      ingress: { configureCertmanager: false, enabled: false, tls: { enabled: false } },
      initialRootPassword: { key: "password", secret: "gitlab-root-password-secret" },
      kas: { enabled: false },
      minio: { enabled: false },
    });
    expect(global.hosts).toEqual({
      domain: "example.com",
      gitlab: { name: "gitlab.example.com" },
      https: true,
      registry: { name: "registry.example.com" },
    });
  });

  it("routes GitLab and its registry through the gateway with long requests allowed", () => {
    // GIVEN the component WHEN built
    const routes = objectsOf(appOf(gitlab(base), "gitlab"), "HTTPRoute");
    // THEN each host name goes to its Service, with requests of up to an hour
    expect(routes.map((r) => r.spec)).toMatchObject([
      {
        hostnames: ["gitlab.example.com"],
        rules: [
          { backendRefs: [{ name: "gitlab-webservice-default", port: 8181 }], timeouts: { request: "1h" } },
        ],
      },
      {
        hostnames: ["registry.example.com"],
        rules: [{ backendRefs: [{ name: "gitlab-registry", port: 5000 }], timeouts: { request: "1h" } }],
      },
    ]);
  });

  it("rejects options of the wrong type", () => {
    // GIVEN options the types reject THEN they do not compile (the builders are never called)
    const rejected = [
      // @ts-expect-error a storage class must be a StorageClassRef, not a name
      () => gitlab({ ...base, storageClass: "ceph-block" }),
      // @ts-expect-error the gateway must be a GatewayRef, not a secret store
      () => gitlab({ ...base, gateway: secrets.secretStore }),
      // @ts-expect-error the registry needs a host name
      () => gitlab({ ...base, registryHostname: undefined }),
      // @ts-expect-error unknown option: the chart's Redis is kept
      () => gitlab({ ...base, redis: { host: "dragonfly" } }),
    ];
    expect(rejected).toHaveLength(4);
  });
});
