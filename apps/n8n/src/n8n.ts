import { type AppTemplate, appTemplate } from "@k8s-ops/app-template";
import { packageOf } from "@k8s-ops/core";
import { type N8nOptions, resolveOptions } from "./options.js";

/** Named on every object this app renders into a cluster. */
const SOURCE = packageOf(import.meta.url);

/** The n8n image, pinned by tag and digest. */
export const N8N_IMAGE = {
  repository: "docker.io/n8nio/n8n",
  // renovate: datasource=docker depName=docker.io/n8nio/n8n
  tag: "2.37.10",
  digest: "sha256:307d6065be25619aa24cfc63a7c2f04ca56d084a08c05c8e9f189a89f353b1ec",
} as const;

const PORT = 5678;

/** n8n on app-template: PostgreSQL from CloudNativePG, its data folder backed up, a public route. */
export function n8n(options: N8nOptions): AppTemplate {
  const o = resolveOptions(options);
  const { store, storageClass } = o;
  return appTemplate({
    name: "n8n",
    source: SOURCE,
    namespace: o.namespace,
    image: N8N_IMAGE,
    port: PORT,
    env: n8nEnv(o.hostname),
    probes: httpProbes(),
    resources: { requests: { cpu: "50m", memory: "256Mi" }, limits: { memory: "1Gi" } },
    route: { gateway: o.gateway, hostname: o.hostname },
    persistence: {
      data: { pvc: { storageClass, size: o.dataSize }, mountPath: "/home/node/.n8n" },
      tmp: { emptyDir: true, mountPath: "/tmp" },
    },
    addons: {
      database: {
        storageClass,
        size: o.databaseSize,
        credentials: { store, item: "n8n-db" },
        backup: o.databaseBackup,
        env: {
          DB_POSTGRESDB_HOST: "host",
          DB_POSTGRESDB_PORT: "port",
          DB_POSTGRESDB_DATABASE: "dbname",
          DB_POSTGRESDB_USER: "username",
          DB_POSTGRESDB_PASSWORD: "password",
        },
      },
      backup: { volume: "data", snapshotClass: o.snapshotClass, repository: { store, item: o.backupItem } },
      secrets: [{ store, item: "n8n", env: true }],
      gatus: true,
    },
  });
}

/** n8n answers `/healthz` once it runs and `/healthz/readiness` once its database is reachable. */
function httpProbes(): Record<string, unknown> {
  const probe = (path: string) => ({
    enabled: true,
    custom: true,
    spec: { httpGet: { path, port: PORT }, periodSeconds: 10, failureThreshold: 3 },
  });
  return { liveness: probe("/healthz"), readiness: probe("/healthz/readiness") };
}

/** n8n's settings: PostgreSQL, the public URL it builds webhook and editor links with, task runners. */
function n8nEnv(hostname: string): Record<string, string> {
  return {
    DB_TYPE: "postgresdb",
    GENERIC_TIMEZONE: "UTC",
    N8N_HOST: hostname,
    N8N_PORT: String(PORT),
    N8N_PROTOCOL: "https",
    N8N_RUNNERS_ENABLED: "true",
    WEBHOOK_URL: `https://${hostname}/`,
  };
}
