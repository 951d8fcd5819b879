import type { BackupOptions } from "@k8s-ops/cloudnative-pg";
import type { GatewayRef, SecretStoreRef, StorageClassRef } from "@k8s-ops/core";

/** The S3-compatible bucket (Ceph RGW) Mattermost keeps files, images and plugin bundles in. */
export interface S3StorageOptions {
  /**
   * The S3 endpoint as an http(s) URL without a path, e.g. `http://rook-ceph-rgw-ceph-objectstore.rook-ceph.svc`;
   * may contain `${VAR}`s. Its host and port become `AmazonS3Endpoint`, its scheme `AmazonS3SSL`.
   */
  readonly endpoint: string;
  /** The bucket. */
  readonly bucket: string;
  /** The region the store answers to (Ceph accepts any). @default "us-east-1" */
  readonly region?: string;
  /** The 1Password item with `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`. @default "mattermost-s3" */
  readonly item?: string;
}

export interface MattermostOptions {
  /** The store the database password and S3 keys are read from: the external-secrets component's `secretStore`. */
  readonly store: SecretStoreRef;
  /** The gateway Mattermost is reached through, from the envoy-gateway component's `gateways`. */
  readonly gateway: GatewayRef;
  /** The public host name, e.g. `chat.${SECRET_DOMAIN}`; the site URL is `https://<hostname>`. */
  readonly hostname: string;
  /** The storage class of the database volumes. */
  readonly storageClass: StorageClassRef;
  /** Where files, images and plugin bundles go. */
  readonly s3: S3StorageOptions;
  /** The 1Password item with the database's `POSTGRES_PASSWORD` and `POSTGRES_SUPER_PASSWORD`. @default "mattermost" */
  readonly item?: string;
  /** PostgreSQL instances. @default 2 */
  readonly databaseInstances?: number;
  /** Size of each database volume. @default "5Gi" */
  readonly databaseSize?: string;
  /** Scrape the database's metrics (needs the VictoriaMetrics operator). @default true */
  readonly databaseMonitoring?: boolean;
  /**
   * Continuous backup of the database (WAL archiving and scheduled base backups through the barman-cloud plugin).
   * The database is business data: without a backup, `k8s-ops check` reports it. @default none
   */
  readonly databaseBackup?: BackupOptions;
  /**
   * More Mattermost settings as environment variables (`MM_<SECTION>_<SETTING>`, e.g.
   * `MM_TEAMSETTINGS_SITENAME`), passed to the chart's `config`; not the ones this package sets. @default {}
   */
  readonly settings?: Readonly<Record<string, string>>;
  /** Namespace of Mattermost and its database. @default "mattermost" */
  readonly namespace?: string;
}

export interface ResolvedMattermostOptions
  extends Required<Omit<MattermostOptions, "s3" | "databaseBackup">> {
  readonly s3: Required<S3StorageOptions>;
  readonly databaseBackup?: BackupOptions;
}

export function resolveOptions(options: MattermostOptions): ResolvedMattermostOptions {
  return {
    store: options.store,
    gateway: options.gateway,
    hostname: options.hostname,
    storageClass: options.storageClass,
    s3: {
      endpoint: options.s3.endpoint,
      bucket: options.s3.bucket,
      region: options.s3.region ?? "us-east-1",
      item: options.s3.item ?? "mattermost-s3",
    },
    item: options.item ?? "mattermost",
    databaseInstances: options.databaseInstances ?? 2,
    databaseSize: options.databaseSize ?? "5Gi",
    databaseMonitoring: options.databaseMonitoring ?? true,
    databaseBackup: options.databaseBackup,
    settings: options.settings ?? {},
    namespace: options.namespace ?? "mattermost",
  };
}
