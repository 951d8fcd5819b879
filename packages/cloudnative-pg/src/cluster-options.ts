import type { Layer, SecretStoreRef, StorageClassRef } from "@k8s-ops/core";

/** A volume of the cluster's instances. */
export interface StorageOptions {
  /** The storage class, from the component that provides it (never a name). */
  readonly storageClass: StorageClassRef;
  /** Size of each instance's volume, a Kubernetes quantity such as `20Gi`. */
  readonly size: string;
}

/** The keys of an S3-compatible store, read from one 1Password item. */
export interface S3Credentials {
  /** The store the item is read from: the external-secrets component's `secretStore`. */
  readonly store: SecretStoreRef;
  /** The 1Password item holding the keys. */
  readonly item: string;
  /** The item's field with the access key ID. @default "AWS_ACCESS_KEY_ID" */
  readonly accessKeyField?: string;
  /** The item's field with the secret access key. @default "AWS_SECRET_ACCESS_KEY" */
  readonly secretKeyField?: string;
}

/** An S3-compatible object store (MinIO, Ceph RGW, …) backups go to or come from. */
export interface ObjectStoreOptions {
  /** The S3 endpoint, e.g. `https://s3.example.com` or `http://minio.storage.svc:9000`; may contain `${VAR}`s. */
  readonly endpoint: string;
  /** The bucket. */
  readonly bucket: string;
  /** A folder inside the bucket. @default none: the bucket's root */
  readonly path?: string;
  readonly credentials: S3Credentials;
}

/** Continuous backup through the barman-cloud plugin: WAL archiving plus scheduled base backups. */
export interface BackupOptions {
  readonly objectStore: ObjectStoreOptions;
  /** When base backups run, as a 6-field cron (seconds first), e.g. `0 0 3 * * *`. @default "0 0 3 * * *" */
  readonly schedule?: string;
  /** How long base backups and WAL are kept: `30d`, `4w` or `12m`. @default "30d" */
  readonly retention?: string;
  /** The folder of this cluster's backups in the store (barman's server name). @default the cluster name */
  readonly serverName?: string;
}

/** Create the cluster by restoring a backup (and replaying WAL) instead of an empty initdb. */
export interface RecoveryOptions {
  /** The store holding the backups. @default `backup.objectStore` */
  readonly objectStore?: ObjectStoreOptions;
  /** The server name the backups were written under (the old cluster's). @default the cluster name */
  readonly serverName?: string;
  /** Recover up to this moment (RFC 3339) instead of the end of the archive. @default the end of the archive */
  readonly targetTime?: string;
}

/** A PostgreSQL role the operator keeps as declared. */
export interface ManagedRoleOptions {
  /** The role name, a lowercase PostgreSQL identifier. */
  readonly name: string;
  /** The credentials item's field with the role's password. @default none: no password is set */
  readonly passwordField?: string;
  /** @default true */
  readonly login?: boolean;
  /** @default false */
  readonly createdb?: boolean;
  /** Roles it is a member of, e.g. `["pg_read_all_data"]`. @default [] */
  readonly inRoles?: readonly string[];
}

/** Where the database passwords come from. */
export interface PostgresCredentials {
  /** The store the item is read from: the external-secrets component's `secretStore`. */
  readonly store: SecretStoreRef;
  /** The 1Password item with the passwords. */
  readonly item: string;
  /** The item's field with the owner's (the application's) password. @default "POSTGRES_PASSWORD" */
  readonly passwordField?: string;
  /** The item's field with the `postgres` superuser's password. @default "POSTGRES_SUPER_PASSWORD" */
  readonly superuserPasswordField?: string;
}

/** The data classes the repository's backup policy knows (see the checks package). */
export type DataClass = "regulated" | "business" | "ephemeral";

export interface PostgresClusterOptions {
  /** Name of the Cluster (a DNS label); its services are `<name>-rw`, `<name>-ro` and `<name>-r`. */
  readonly name: string;
  /** Namespace of the cluster and of the app that deploys it. */
  readonly namespace: string;
  /** PostgreSQL instances: one primary, the rest streaming replicas. */
  readonly instances: number;
  /** The data volume of each instance. */
  readonly storage: StorageOptions;
  /** A separate WAL volume per instance. @default none: WAL lives on the data volume */
  readonly walStorage?: StorageOptions;
  /** Where the owner's and the superuser's passwords come from. */
  readonly credentials: PostgresCredentials;
  /** The application database. @default "app" */
  readonly database?: string;
  /** Its owner, the role the application connects as. @default the database name */
  readonly owner?: string;
  /** Let the `postgres` superuser log in with a password (for admin tools). @default true */
  readonly superuserAccess?: boolean;
  /** Continuous backup to an object store. @default none */
  readonly backup?: BackupOptions;
  /** Restore the cluster from a backup when it is created. @default none: an empty database */
  readonly bootstrapFromBackup?: RecoveryOptions;
  /**
   * Namespace of the CloudNativePG operator: a NetworkPolicy lets it reach the instances' status port (8000) through
   * the namespaces' default deny. @default "cnpg-system"
   */
  readonly operatorNamespace?: string;
  /** Scrape the instances' metrics with a VMPodScrape (needs the VictoriaMetrics operator). @default true */
  readonly monitoring?: boolean;
  /** Extra roles the operator manages. @default [] */
  readonly managedRoles?: readonly ManagedRoleOptions[];
  /** PostgreSQL parameters (`postgresql.parameters`). @default {} */
  readonly parameters?: Readonly<Record<string, string>>;
  /** The PostgreSQL image. @default POSTGRES_IMAGE */
  readonly imageName?: string;
  /**
   * The class of the data, for the backup policy. A class given here that needs backups requires `backup`; the
   * default leaves that to `k8s-ops check`, which reports a business database nobody backs up (BACKUP_MISSING).
   * Data that may be lost must say so: `"ephemeral"`. @default "business"
   */
  readonly dataClass?: DataClass;
  /** The most data the cluster may lose, as a duration. @default "24h" when the class requires backups */
  readonly rpo?: string;
  /** Where the cluster's app comes in the bring-up order. @default "platform" */
  readonly layer?: Layer;
  /** Folder under `apps/<namespace>/` of the app's ks.yaml (set it to stage the database with its user). @default name */
  readonly folder?: string;
  /** Sub-folder of `folder` with the manifests. @default "app" */
  readonly dir?: string;
}

// renovate: datasource=docker depName=ghcr.io/cloudnative-pg/postgresql
const POSTGRES_TAG = "18.6-standard-trixie";

/** The PostgreSQL image clusters run unless told otherwise. */
export const POSTGRES_IMAGE = `ghcr.io/cloudnative-pg/postgresql:${POSTGRES_TAG}`;

export interface ResolvedBackup extends Required<Omit<BackupOptions, "objectStore">> {
  readonly objectStore: ObjectStoreOptions;
}

export interface ResolvedRecovery {
  readonly objectStore?: ObjectStoreOptions;
  readonly serverName: string;
  readonly targetTime?: string;
}

export interface ResolvedClusterOptions
  extends Required<Omit<PostgresClusterOptions, "walStorage" | "backup" | "bootstrapFromBackup" | "rpo">> {
  readonly walStorage?: StorageOptions;
  readonly backup?: ResolvedBackup;
  readonly bootstrapFromBackup?: ResolvedRecovery;
  readonly rpo?: string;
}

export function resolveClusterOptions(options: PostgresClusterOptions): ResolvedClusterOptions {
  const database = options.database ?? "app";
  const backup = options.backup && {
    objectStore: options.backup.objectStore,
    schedule: options.backup.schedule ?? "0 0 3 * * *",
    retention: options.backup.retention ?? "30d",
    serverName: options.backup.serverName ?? options.name,
  };
  const recovery = options.bootstrapFromBackup;
  const dataClass = options.dataClass ?? "business";
  return {
    ...options,
    database,
    owner: options.owner ?? database,
    superuserAccess: options.superuserAccess ?? true,
    backup,
    bootstrapFromBackup: recovery && {
      objectStore: recovery.objectStore ?? backup?.objectStore,
      serverName: recovery.serverName ?? options.name,
      targetTime: recovery.targetTime,
    },
    operatorNamespace: options.operatorNamespace ?? "cnpg-system",
    monitoring: options.monitoring ?? true,
    managedRoles: options.managedRoles ?? [],
    parameters: options.parameters ?? {},
    imageName: options.imageName ?? POSTGRES_IMAGE,
    dataClass,
    rpo: options.rpo ?? (dataClass === "ephemeral" ? undefined : "24h"),
    layer: options.layer ?? "platform",
    folder: options.folder ?? options.name,
    dir: options.dir ?? "app",
  };
}
