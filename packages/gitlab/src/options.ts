import type { BackupOptions } from "@k8s-ops/cloudnative-pg";
import type { GatewayRef, SecretStoreRef, StorageClassRef } from "@k8s-ops/core";

/** The S3-compatible object store (Ceph RGW) GitLab keeps uploads, artifacts, packages, images and backups in. */
export interface GitLabObjectStorageOptions {
  /** The S3 endpoint, e.g. `http://rook-ceph-rgw-ceph-objectstore.rook-ceph.svc`; may contain `${VAR}`s. */
  readonly endpoint: string;
  /** The region the store answers to (Ceph accepts any). @default "us-east-1" */
  readonly region?: string;
  /** The 1Password item with `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`. @default "gitlab-s3" */
  readonly item?: string;
  /** The buckets are `<bucketPrefix>-lfs`, `<bucketPrefix>-artifacts`, … (see `buckets`). @default "gitlab" */
  readonly bucketPrefix?: string;
}

/** Git over SSH: GitLab Shell behind a LoadBalancer Service of its own. */
export interface GitLabSshOptions {
  /** The host name SSH clone URLs use; it must resolve to `address`. */
  readonly hostname: string;
  /** The LoadBalancer address of GitLab Shell, in the cluster's LB IPAM pool. */
  readonly address: string;
}

export interface GitLabOptions {
  /** The store the passwords and S3 keys are read from: the external-secrets component's `secretStore`. */
  readonly store: SecretStoreRef;
  /** The gateway GitLab and its registry are reached through, from the envoy-gateway component's `gateways`. */
  readonly gateway: GatewayRef;
  /** GitLab's host name, e.g. `gitlab.${SECRET_DOMAIN}`. */
  readonly hostname: string;
  /** The container registry's host name, e.g. `gitlab-registry.${SECRET_DOMAIN}`. */
  readonly registryHostname: string;
  /** The storage class of the database, Gitaly (the Git repositories) and Redis volumes. */
  readonly storageClass: StorageClassRef;
  /** Where uploads, LFS objects, artifacts, packages, registry images and backups go. */
  readonly objectStorage: GitLabObjectStorageOptions;
  /**
   * The 1Password item with the initial `GITLAB_ROOT_PASSWORD` and the database's `POSTGRES_PASSWORD` and
   * `POSTGRES_SUPER_PASSWORD`. @default "gitlab"
   */
  readonly item?: string;
  /** Git over SSH. @default none: Git over HTTPS only */
  readonly ssh?: GitLabSshOptions;
  /** PostgreSQL instances. @default 2 */
  readonly databaseInstances?: number;
  /** Size of each database volume. @default "20Gi" */
  readonly databaseSize?: string;
  /** Scrape the database's metrics (needs the VictoriaMetrics operator). @default true */
  readonly databaseMonitoring?: boolean;
  /**
   * Continuous backup of the database (barman-cloud plugin). The database is business data: without a backup,
   * `k8s-ops check` reports it. @default none
   */
  readonly databaseBackup?: BackupOptions;
  /** Size of Gitaly's volume, where the Git repositories live. @default "50Gi" */
  readonly gitalySize?: string;
  /** Namespace of GitLab and its database. @default "gitlab" */
  readonly namespace?: string;
}

export interface ResolvedGitLabOptions
  extends Required<Omit<GitLabOptions, "objectStorage" | "ssh" | "databaseBackup">> {
  readonly objectStorage: Required<GitLabObjectStorageOptions>;
  readonly ssh?: GitLabSshOptions;
  readonly databaseBackup?: BackupOptions;
}

export function resolveOptions(options: GitLabOptions): ResolvedGitLabOptions {
  const storage = options.objectStorage;
  return {
    store: options.store,
    gateway: options.gateway,
    hostname: options.hostname,
    registryHostname: options.registryHostname,
    storageClass: options.storageClass,
    objectStorage: {
      endpoint: storage.endpoint,
      region: storage.region ?? "us-east-1",
      item: storage.item ?? "gitlab-s3",
      bucketPrefix: storage.bucketPrefix ?? "gitlab",
    },
    item: options.item ?? "gitlab",
    ssh: options.ssh,
    databaseInstances: options.databaseInstances ?? 2,
    databaseSize: options.databaseSize ?? "20Gi",
    databaseMonitoring: options.databaseMonitoring ?? true,
    databaseBackup: options.databaseBackup,
    gitalySize: options.gitalySize ?? "50Gi",
    namespace: options.namespace ?? "gitlab",
  };
}
