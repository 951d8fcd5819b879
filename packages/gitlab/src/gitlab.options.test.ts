import { appOf, helmValues, objectsOf } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { GITLAB_POSTGRES_IMAGE, gitlab } from "./index.js";
import { base, RGW, secrets } from "./test-support.js";

type Template = { target: { template: { data: Record<string, string> } } };

function storageTemplate(component: ReturnType<typeof gitlab>): Record<string, string> {
  const secret = objectsOf(appOf(component, "gitlab"), "ExternalSecret").find(
    (s) => (s.metadata as { name: string }).name === "gitlab-object-storage",
  );
  if (!secret) throw new Error("no ExternalSecret gitlab-object-storage");
  return (secret.spec as Template).target.template.data;
}

describe("gitlab options", () => {
  it("keeps every object type in its own bucket behind one connection Secret", () => {
    // GIVEN the component WHEN built
    const gl = gitlab(base);
    const values = helmValues(appOf(gl, "gitlab"));
    // THEN Rails, the registry and the toolbox read the same Secret, each its own key
    expect((values.global as { appConfig: unknown }).appConfig).toMatchObject({
      lfs: { bucket: "gitlab-lfs" },
      artifacts: { bucket: "gitlab-artifacts" },
      backups: { bucket: "gitlab-backups", tmpBucket: "gitlab-tmp" },
      object_store: {
        connection: { key: "connection", secret: "gitlab-object-storage-secret" },
        enabled: true,
        proxy_download: true,
      },
    });
    expect(values.registry).toEqual({
      storage: { key: "registry", redirect: { disable: true }, secret: "gitlab-object-storage-secret" },
    });
    expect(values.gitlab).toMatchObject({
      toolbox: {
        backups: { objectStorage: { config: { key: "backups", secret: "gitlab-object-storage-secret" } } },
      },
    });
    expect(gl.buckets).toHaveLength(11);
    // AND the Secret is templated from the S3 keys of the item
    const data = storageTemplate(gl);
    expect(data.connection).toContain(`endpoint: "${RGW}"`);
    expect(data.registry).toContain("  bucket: gitlab-registry\n");
    expect(data.backups).toContain("host_base = rook-ceph-rgw-ceph-objectstore.rook-ceph.svc:80\n");
    expect(data.backups).toContain("use_https = False\n");
  });

  it("names buckets, region, item and endpoint from the object storage options", () => {
    // GIVEN every object storage option changed
    const gl = gitlab({
      ...base,
      objectStorage: {
        endpoint: "https://s3.example.com",
        region: "ceph",
        item: "rgw-gitlab",
        bucketPrefix: "git",
      },
    });
    // THEN
    expect(gl.buckets).toContain("git-dependency-proxy");
    expect(helmValues(appOf(gl, "gitlab")).global).toMatchObject({ registry: { bucket: "git-registry" } });
    const data = storageTemplate(gl);
    expect(data.connection).toContain("region: ceph\n");
    expect(data.backups).toContain("use_https = True\n");
    const [storage] = objectsOf(appOf(gl, "gitlab"), "ExternalSecret").filter(
      (s) => (s.metadata as { name: string }).name === "gitlab-object-storage",
    );
    expect(storage?.spec).toMatchObject({ dataFrom: [{ extract: { key: "rgw-gitlab" } }] });
  });

  it("serves Git over SSH on a LoadBalancer only when asked", () => {
    // GIVEN no SSH THEN GitLab Shell stays internal
    expect(objectsOf(appOf(gitlab(base), "gitlab"), "NetworkPolicy")).toEqual([]);
    // WHEN SSH is given
    const gl = gitlab({ ...base, ssh: { hostname: "ssh.example.com", address: "192.168.0.140" } });
    const values = helmValues(appOf(gl, "gitlab"));
    // THEN the Service, the clone host name and the allow through the default deny follow
    expect(values.gitlab).toMatchObject({
      "gitlab-shell": { service: { loadBalancerIP: "192.168.0.140", type: "LoadBalancer" } },
    });
    expect(values.global).toMatchObject({ hosts: { ssh: "ssh.example.com" } });
    expect(objectsOf(appOf(gl, "gitlab"), "NetworkPolicy")[0]?.spec).toMatchObject({
      ingress: [{ ports: [{ port: 2222, protocol: "TCP" }] }],
      podSelector: { matchLabels: { app: "gitlab-shell", release: "gitlab" } },
    });
  });

  it("sizes the database and Gitaly, names item and namespace", () => {
    // GIVEN sizing options changed
    const gl = gitlab({
      ...base,
      databaseInstances: 3,
      databaseSize: "40Gi",
      databaseMonitoring: false,
      gitalySize: "200Gi",
      item: "gitlab-prod",
      namespace: "git",
    });
    // THEN
    expect(objectsOf(appOf(gl, "gitlab-db"), "Cluster")[0]?.spec).toMatchObject({
      imageName: GITLAB_POSTGRES_IMAGE,
      instances: 3,
      storage: { size: "40Gi", storageClass: "ceph-block" },
    });
    expect(GITLAB_POSTGRES_IMAGE).toMatch(/^ghcr\.io\/cloudnative-pg\/postgresql:17\./);
    expect(objectsOf(appOf(gl, "gitlab-db"), "VMPodScrape")).toEqual([]);
    expect(helmValues(appOf(gl, "gitlab")).gitlab).toMatchObject({
      gitaly: { persistence: { size: "200Gi", storageClass: "ceph-block" } },
    });
    const [root] = objectsOf(appOf(gl, "gitlab"), "ExternalSecret");
    expect(root?.spec).toMatchObject({ dataFrom: [{ extract: { key: "gitlab-prod" } }] });
    expect(gl.apps.map((a) => a.namespace)).toEqual(["git", "git"]);
    expect(helmValues(appOf(gl, "gitlab")).global).toMatchObject({
      psql: { host: "gitlab-db-rw.git.svc.cluster.local" },
    });
  });

  it("backs the database up when given a store", () => {
    // GIVEN a backup store
    const objectStore = {
      endpoint: RGW,
      bucket: "postgres-backups",
      credentials: { store: secrets.secretStore, item: "cnpg-backups" },
    };
    // WHEN built THEN the cluster archives WAL and schedules base backups
    const db = appOf(gitlab({ ...base, databaseBackup: { objectStore } }), "gitlab-db");
    expect(objectsOf(db, "ScheduledBackup")).toHaveLength(1);
    expect(objectsOf(db, "Cluster")[0]?.spec).toMatchObject({ plugins: [{ isWALArchiver: true }] });
  });
});
