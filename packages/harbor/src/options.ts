import type { BackupOptions } from "@k8s-ops/cloudnative-pg";
import type { GatewayRef, SecretStoreRef, StorageClassRef } from "@k8s-ops/core";

/** The S3-compatible bucket (Ceph RGW) the registry keeps blobs in. */
export interface S3StorageOptions {
  /** The S3 endpoint, e.g. `http://rook-ceph-rgw-ceph-objectstore.rook-ceph.svc`; may contain `${VAR}`s. */
  readonly endpoint: string;
  /** The bucket. */
  readonly bucket: string;
  /** The region the store answers to (Ceph accepts any). @default "us-east-1" */
  readonly region?: string;
  /** The 1Password item with `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`. @default "harbor-s3" */
  readonly item?: string;
}

export interface HarborOptions {
  /** The store the passwords and S3 keys are read from: the external-secrets component's `secretStore`. */
  readonly store: SecretStoreRef;
  /** The gateway Harbor is reached through, from the envoy-gateway component's `gateways`. */
  readonly gateway: GatewayRef;
  /** The public host name, e.g. `registry.${SECRET_DOMAIN}`. */
  readonly hostname: string;
  /** The storage class of the database volumes and of the job logs and Trivy cache. */
  readonly storageClass: StorageClassRef;
  /** Where image blobs go. */
  readonly s3: S3StorageOptions;
  /**
   * The 1Password item with `HARBOR_ADMIN_PASSWORD` and the database's `POSTGRES_PASSWORD` and
   * `POSTGRES_SUPER_PASSWORD`. @default "harbor"
   */
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
  /** Memory of the Dragonfly cache. @default "512Mi" */
  readonly cacheMemory?: string;
  /** Run Trivy, the vulnerability scanner. @default true */
  readonly trivy?: boolean;
  /** Namespace of Harbor, its database and cache. @default "harbor" */
  readonly namespace?: string;
}

export interface ResolvedHarborOptions extends Required<Omit<HarborOptions, "s3" | "databaseBackup">> {
  readonly s3: Required<S3StorageOptions>;
  readonly databaseBackup?: BackupOptions;
}

export function resolveOptions(options: HarborOptions): ResolvedHarborOptions {
  return {
    store: options.store,
    gateway: options.gateway,
    hostname: options.hostname,
    storageClass: options.storageClass,
    s3: {
      endpoint: options.s3.endpoint,
      bucket: options.s3.bucket,
      region: options.s3.region ?? "us-east-1",
      item: options.s3.item ?? "harbor-s3",
    },
    item: options.item ?? "harbor",
    databaseInstances: options.databaseInstances ?? 2,
    databaseSize: options.databaseSize ?? "5Gi",
    databaseMonitoring: options.databaseMonitoring ?? true,
    databaseBackup: options.databaseBackup,
    cacheMemory: options.cacheMemory ?? "512Mi",
    trivy: options.trivy ?? true,
    namespace: options.namespace ?? "harbor",
  };
}
