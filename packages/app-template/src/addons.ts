import { type PostgresCluster, postgresCluster } from "@k8s-ops/cloudnative-pg";
import type { KubeObject, Reference } from "@k8s-ops/core";
import { type Dragonfly, dragonfly } from "@k8s-ops/dragonfly";
import { storeSecret } from "@k8s-ops/external-secrets";
import { gatusCheck } from "@k8s-ops/gatus";
import { serviceScrape } from "@k8s-ops/victoria-metrics";
import { backup, restoredPvc } from "@k8s-ops/volsync";
import { PersistentVolumeClaim } from "kubernetes-models/v1/PersistentVolumeClaim";
import type { PvcVolume, ResolvedOptions } from "./options.js";
import { type ContainerExtras, claimName } from "./values.js";

/** What the add-ons contribute: objects and `uses` of the app, its container extras, and apps of their own. */
export interface AddonParts {
  readonly objects: readonly KubeObject[];
  readonly uses: readonly Reference[];
  readonly extras: ContainerExtras;
  readonly database?: PostgresCluster;
  readonly cache?: Dragonfly;
}

export function addonParts(o: ResolvedOptions): AddonParts {
  const database = databaseOf(o);
  const cache = cacheOf(o);
  const secrets = (o.addons.secrets ?? []).map((s) =>
    Object.assign(storeSecret({ name: secretName(o.name, s.item), store: s.store, item: s.item }), {
      env: s.env ?? false,
    }),
  );
  const volumes = volumeParts(o);
  const env: Record<string, unknown> = {};
  for (const [name, key] of Object.entries(o.addons.database?.env ?? {}))
    env[name] = { valueFrom: { secretKeyRef: { name: database?.secretName, key } } };
  if (cache && o.addons.cache?.hostEnv) env[o.addons.cache.hostEnv] = cache.service.host;
  return {
    objects: [...volumes.objects, ...secrets.map((s) => s.object), ...checkAndScrape(o)],
    uses: [
      ...volumes.uses,
      ...secrets.flatMap((s) => s.uses),
      ...(database ? [database.service] : []),
      ...(cache ? [cache.service] : []),
    ],
    extras: { env, envFrom: secrets.filter((s) => s.env).map((s) => s.secretName) },
    database,
    cache,
  };
}

function databaseOf(o: ResolvedOptions): PostgresCluster | undefined {
  const db = o.addons.database;
  if (!db) return undefined;
  return postgresCluster({
    name: `${o.name}-db`,
    namespace: o.namespace,
    instances: db.instances ?? 1,
    storage: { storageClass: db.storageClass, size: db.size ?? "10Gi" },
    credentials: db.credentials,
    database: db.database ?? o.name.replaceAll("-", "_"),
    backup: db.backup,
    folder: o.name,
    dir: "database",
  });
}

function cacheOf(o: ResolvedOptions): Dragonfly | undefined {
  const cache = o.addons.cache;
  if (!cache) return undefined;
  return dragonfly({
    name: `${o.name}-cache`,
    namespace: o.namespace,
    replicas: cache.replicas ?? 1,
    memory: cache.memory ?? "512Mi",
    folder: o.name,
    dir: "cache",
  });
}

/** The claims of `pvc` volumes (the backed-up one restored from its latest backup) and the backup's objects. */
function volumeParts(o: ResolvedOptions): { objects: KubeObject[]; uses: Reference[] } {
  const objects: KubeObject[] = [];
  const uses: Reference[] = [];
  const b = o.addons.backup;
  for (const [name, v] of Object.entries(o.persistence)) {
    if (!("pvc" in v)) continue;
    uses.push(v.pvc.storageClass);
    if (b?.volume !== name) {
      objects.push(
        declared(claim(claimName(o.name, name), v.pvc.storageClass.name, v.pvc.size), v.pvc, false),
      );
      continue;
    }
    const { runAsUser, runAsGroup } = o.securityContext;
    const made = backup({
      app: claimName(o.name, name),
      pvc: claimName(o.name, name),
      capacity: v.pvc.size,
      storageClass: v.pvc.storageClass,
      snapshotClass: b.snapshotClass,
      schedule: b.schedule ?? "0 * * * *",
      retention: b.retention ?? { hourly: 24, daily: 7, weekly: 4, monthly: 3 },
      repository: b.repository,
      moverSecurityContext: b.moverSecurityContext ?? { runAsUser, runAsGroup },
    });
    objects.push(declared(restoredPvc(made), v.pvc, true), ...made.objects);
    uses.push(...made.uses);
  }
  return { objects, uses };
}

/** The claim with the data class and RPO `k8s-ops check` reads (a backed-up volume is business data by default). */
function declared(claim: PersistentVolumeClaim, volume: PvcVolume, backedUp: boolean): PersistentVolumeClaim {
  const dataClass = volume.dataClass ?? (backedUp ? "business" : undefined);
  const rpo = volume.rpo ?? (backedUp ? "24h" : undefined);
  const annotations = {
    ...(dataClass ? { "k8s-ops.dev/data-class": dataClass } : {}),
    ...(rpo ? { "k8s-ops.dev/rpo": rpo } : {}),
  };
  if (Object.keys(annotations).length > 0) claim.metadata = { ...claim.metadata, annotations };
  return claim;
}

function claim(name: string, storageClassName: string, size: string): PersistentVolumeClaim {
  return new PersistentVolumeClaim({
    metadata: { name },
    spec: { accessModes: ["ReadWriteOnce"], resources: { requests: { storage: size } }, storageClassName },
  });
}

function checkAndScrape(o: ResolvedOptions): KubeObject[] {
  const objects: KubeObject[] = [];
  const { gatus, metrics } = o.addons;
  if (gatus && o.route) {
    const extra = gatus === true ? {} : gatus;
    objects.push(gatusCheck({ ...extra, name: o.name, url: `https://${o.route.hostname}` }).object);
  }
  if (metrics) {
    const port = metrics.port === o.port ? "http" : "metrics";
    objects.push(
      serviceScrape({
        name: o.name,
        selector: { "app.kubernetes.io/instance": o.name, "app.kubernetes.io/service": o.name },
        port,
        path: metrics.path,
      }),
    );
  }
  return objects;
}

/** An item name as a DNS label part: `Odoo Admin` → `odoo-admin`. */
function slug(item: string): string {
  return item
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

/** `<app>-<item>`, or the item alone when it already starts with the app's name. */
function secretName(app: string, item: string): string {
  const name = slug(item);
  return name === app || name.startsWith(`${app}-`) ? name : `${app}-${name}`;
}
