import {
  type App,
  type Component,
  defineApp,
  type HealthCheckExpr,
  type KubeObject,
  operatorAccess,
  packageOf,
  type Reference,
  reference,
  type ServiceEndpoint,
} from "@k8s-ops/core";
import type { VMPodScrape } from "@k8s-ops/crds/operator.victoriametrics.com/v1beta1";
import { podScrape } from "@k8s-ops/victoria-metrics";
import { Cluster } from "@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/Cluster";
import type { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import { checkClusterOptions } from "./cluster-checks.js";
import {
  type PostgresClusterOptions,
  type ResolvedClusterOptions,
  resolveClusterOptions,
} from "./cluster-options.js";
import { clusterSpec } from "./cluster-spec.js";
import { type ClusterCredentials, clusterCredentials, POSTGRES_PORT } from "./credentials.js";
import { objectStore, type StoreObjects, scheduledBackup } from "./object-store.js";

/** Named on every object this package renders into a cluster. */
const SOURCE = packageOf(import.meta.url);

/** Flux health of a CloudNativePG Cluster: ready once its Ready condition is True. */
export const POSTGRES_CLUSTER_HEALTH: HealthCheckExpr = {
  apiVersion: "postgresql.cnpg.io/v1",
  kind: "Cluster",
  current: "has(status.conditions) && status.conditions.exists(e, e.type == 'Ready' && e.status == 'True')",
};

/** The annotations the repository's data policy reads from every database. */
export const DATA_ANNOTATIONS = { dataClass: "k8s-ops.dev/data-class", rpo: "k8s-ops.dev/rpo" } as const;

export interface PostgresCluster extends Component {
  /** The app that deploys the cluster (a Flux Kustomization waiting until the cluster is ready). */
  readonly app: App;
  /** The app's objects: Cluster, ExternalSecrets, ObjectStores, ScheduledBackup, NetworkPolicy, VMPodScrape. */
  readonly objects: readonly KubeObject[];
  /** What the app uses: the storage classes and the secret stores. */
  readonly uses: readonly Reference[];
  /** The read-write service (`<name>-rw`, the primary): what applications connect to. */
  readonly service: ServiceEndpoint;
  /** The read-only service (`<name>-ro`, the replicas). */
  readonly readOnlyService: ServiceEndpoint;
  /** The Secret with the owner's credentials: `username`, `password`, `host`, `port`, `dbname`, `uri`. */
  readonly secretName: string;
  /** The Secret with the `postgres` superuser's `username` and `password`, when superuser access is on. */
  readonly superuserSecretName?: string;
  /** The application database. */
  readonly database: string;
}

/**
 * A CloudNativePG Cluster in an app of its own, with its passwords from 1Password, optional continuous backup to
 * an S3-compatible store through the barman-cloud plugin (ObjectStore, WAL archiving, ScheduledBackup), optional
 * restore from such a backup, and a VMPodScrape for its metrics. dependsOn follows from what it renders and uses.
 */
export function postgresCluster(options: PostgresClusterOptions): PostgresCluster {
  const o = resolveClusterOptions(options);
  checkClusterOptions(o, options.dataClass);
  const credentials = clusterCredentials(o);
  const stores = backupStores(o);
  const objects = [
    cluster(o, credentials, stores),
    ...credentials.objects,
    ...[stores.backup, stores.restore].flatMap((store) => store?.objects ?? []),
    ...(o.backup ? [scheduledBackup(o.name, o.backup)] : []),
    instanceManagerAccess(o),
    ...(o.monitoring ? [instanceScrape(o)] : []),
  ];
  const uses = uniqueReferences([
    o.storage.storageClass,
    ...(o.walStorage ? [o.walStorage.storageClass] : []),
    ...credentials.uses,
    ...[stores.backup, stores.restore].flatMap((store) => store?.uses ?? []),
  ]);
  const app = defineApp({
    name: o.name,
    namespace: o.namespace,
    layer: o.layer,
    folder: o.folder,
    dir: o.dir,
    objects,
    uses,
    wait: true,
    healthCheckExprs: [POSTGRES_CLUSTER_HEALTH],
  });
  return {
    name: o.name,
    apps: [app],
    source: SOURCE,
    app,
    objects,
    uses,
    service: endpoint(app, `${o.name}-rw`),
    readOnlyService: endpoint(app, `${o.name}-ro`),
    secretName: credentials.app,
    superuserSecretName: credentials.superuser,
    database: o.database,
  };
}

interface BackupStores {
  readonly backup?: StoreObjects;
  /** A second store only when the backups restored come from another store than the one written to. */
  readonly restore?: StoreObjects;
}

function backupStores(o: ResolvedClusterOptions): BackupStores {
  const backup = o.backup && objectStore(`${o.name}-backup`, o.backup.objectStore, o.backup.retention);
  const from = o.bootstrapFromBackup?.objectStore;
  const restore = from && from !== o.backup?.objectStore ? objectStore(`${o.name}-restore`, from) : undefined;
  return { backup, restore };
}

function cluster(o: ResolvedClusterOptions, credentials: ClusterCredentials, stores: BackupStores): Cluster {
  const annotations: Record<string, string> = { [DATA_ANNOTATIONS.dataClass]: o.dataClass };
  if (o.rpo !== undefined) annotations[DATA_ANNOTATIONS.rpo] = o.rpo;
  const restoreStore = stores.restore?.name ?? stores.backup?.name;
  return new Cluster({
    metadata: { annotations, name: o.name },
    spec: clusterSpec(o, credentials, { backup: stores.backup?.name, restore: restoreStore }),
  });
}

/** The operator asks each instance's manager for its status on port 8000; the namespace denies ingress otherwise. */
function instanceManagerAccess(o: ResolvedClusterOptions): NetworkPolicy {
  return operatorAccess({
    name: `${o.name}-cnpg-operator`,
    operatorNamespace: o.operatorNamespace,
    podLabels: { "cnpg.io/cluster": o.name },
    ports: [8000],
  });
}

/** The instances' metrics: the operator names their exporter port `metrics`. */
function instanceScrape(o: ResolvedClusterOptions): VMPodScrape {
  return podScrape({
    name: o.name,
    selector: { "cnpg.io/cluster": o.name, "cnpg.io/podRole": "instance" },
    port: "metrics",
  });
}

function endpoint(app: App, service: string): ServiceEndpoint {
  return {
    ...reference("Service", app, service, app.namespace),
    namespace: app.namespace,
    port: POSTGRES_PORT,
    host: `${service}.${app.namespace}.svc.cluster.local`,
  };
}

function uniqueReferences(refs: readonly Reference[]): Reference[] {
  const seen = new Map<string, Reference>();
  for (const ref of refs) {
    const key = `${ref.type}/${ref.namespace ?? ""}/${ref.name}/${ref.provider.namespace}/${ref.provider.name}`;
    if (!seen.has(key)) seen.set(key, ref);
  }
  return [...seen.values()];
}
