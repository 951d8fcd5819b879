import type { PostgresCluster } from "@k8s-ops/cloudnative-pg";
import type { ResolvedGitLabOptions } from "./options.js";
import { type GitLabBuckets, STORAGE_KEYS } from "./storage.js";

/** What the values are wired to: the database, the Secrets the app renders, the buckets. */
export interface GitLabWiring {
  readonly database: PostgresCluster;
  /** The Secret with the initial root password under `password`. */
  readonly rootPasswordSecret: string;
  /** The Secret with the keys of `STORAGE_KEYS`. */
  readonly storageSecret: string;
  readonly buckets: GitLabBuckets;
}

/** The database role GitLab connects as, owner of its database. */
export const DATABASE_USER = "gitlab";
/** GitLab's database, under the name its documentation uses. */
export const DATABASE_NAME = "gitlabhq_production";

/**
 * The chart's values for a production install on external services: CloudNativePG for PostgreSQL, Ceph RGW for
 * object storage, the platform's gateway instead of the bundled NGINX and cert-manager. Redis stays the chart's own.
 */
export function gitlabValues(o: ResolvedGitLabOptions, w: GitLabWiring): Record<string, unknown> {
  return {
    gitlab: subchartValues(o, w),
    global: globalValues(o, w),
    installCertmanager: false,
    "gitlab-runner": { install: false },
    "nginx-ingress": { enabled: false },
    postgresql: { install: false },
    prometheus: { install: false },
    redis: {
      install: true,
      master: { persistence: { storageClass: o.storageClass.name } },
    },
    registry: {
      storage: { key: STORAGE_KEYS.registry, redirect: { disable: true }, secret: w.storageSecret },
    },
  };
}

function globalValues(o: ResolvedGitLabOptions, w: GitLabWiring): Record<string, unknown> {
  return {
    appConfig: appConfig(w),
    hosts: {
      domain: o.hostname.slice(o.hostname.indexOf(".") + 1),
      gitlab: { name: o.hostname },
      https: true,
      registry: { name: o.registryHostname },
      ...(o.ssh ? { ssh: o.ssh.hostname } : {}),
    },
    // TLS ends at the gateway: the chart renders no Ingress, no certificates, no issuer.
    ingress: { configureCertmanager: false, enabled: false, tls: { enabled: false } },
    initialRootPassword: { key: "password", secret: w.rootPasswordSecret },
    // The agent server needs its own routes (websockets under /-/kubernetes-agent/); not served here.
    kas: { enabled: false },
    minio: { enabled: false },
    psql: {
      database: w.database.database,
      host: w.database.service.host,
      password: { key: "password", secret: w.database.secretName },
      port: w.database.service.port,
      username: DATABASE_USER,
    },
    registry: { bucket: w.buckets.registry },
  };
}

/** Consolidated object storage: one connection for every type, each type in its own bucket, downloads proxied. */
function appConfig(w: GitLabWiring): Record<string, unknown> {
  const buckets = Object.fromEntries(
    Object.entries(w.buckets.app).map(([type, bucket]) => [type, { bucket }]),
  );
  return {
    ...buckets,
    backups: { bucket: w.buckets.backups, tmpBucket: w.buckets.tmp },
    object_store: {
      connection: { key: STORAGE_KEYS.connection, secret: w.storageSecret },
      enabled: true,
      // The RGW endpoint is internal: clients download through GitLab, never from the store.
      proxy_download: true,
    },
  };
}

function subchartValues(o: ResolvedGitLabOptions, w: GitLabWiring): Record<string, unknown> {
  return {
    gitaly: { persistence: { size: o.gitalySize, storageClass: o.storageClass.name } },
    ...(o.ssh
      ? { "gitlab-shell": { service: { loadBalancerIP: o.ssh.address, type: "LoadBalancer" } } }
      : {}),
    toolbox: {
      backups: {
        objectStorage: { config: { key: STORAGE_KEYS.backups, secret: w.storageSecret } },
      },
    },
  };
}
