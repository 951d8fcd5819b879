import { type AppTemplate, appTemplate } from "@k8s-ops/app-template";
import { packageOf } from "@k8s-ops/core";
import { type OdooOptions, resolveOptions } from "./options.js";

/** Named on every object this app renders into a cluster. */
const SOURCE = packageOf(import.meta.url);

/** The Odoo community image (Docker official image), pinned by tag and digest. */
export const ODOO_IMAGE = {
  repository: "docker.io/library/odoo",
  // renovate: datasource=docker depName=docker.io/library/odoo
  tag: "18.0",
  digest: "sha256:259fa933bf3ee7f3e375bd74d1e0bc28bd75955159723be477359e0fdb8acf67",
} as const;

/** The image's `odoo` user. */
const ODOO_USER = 101;

/** Odoo on app-template: PostgreSQL from CloudNativePG, the filestore on a backed-up volume, a public route. */
export function odoo(options: OdooOptions): AppTemplate {
  const o = resolveOptions(options);
  const { store, storageClass } = o;
  return appTemplate({
    name: "odoo",
    source: SOURCE,
    namespace: o.namespace,
    image: ODOO_IMAGE,
    port: 8069,
    resources: { requests: { cpu: "100m", memory: "512Mi" }, limits: { memory: "2Gi" } },
    securityContext: { runAsUser: ODOO_USER },
    route: { gateway: o.gateway, hostname: o.hostname },
    persistence: {
      filestore: { pvc: { storageClass, size: o.filestoreSize }, mountPath: "/var/lib/odoo" },
      tmp: { emptyDir: true, mountPath: "/tmp" },
    },
    addons: {
      database: {
        storageClass,
        size: o.databaseSize,
        credentials: { store, item: "odoo-db" },
        backup: o.databaseBackup,
        env: { HOST: "host", PORT: "port", USER: "username", PASSWORD: "password" },
      },
      backup: {
        volume: "filestore",
        snapshotClass: o.snapshotClass,
        repository: { store, item: o.backupItem },
      },
      secrets: [{ store, item: "odoo", env: true }],
      gatus: { conditions: ["[STATUS] < 500"] },
    },
  });
}
