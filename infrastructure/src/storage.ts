import type { BackupOptions } from "@k8s-ops/cloudnative-pg";
import type { SecretStoreRef } from "@k8s-ops/core";
import type { RookCephOptions, RookExport } from "@k8s-ops/rook-ceph";
import { cephNodes, INFRA_INVENTORY } from "@k8s-ops/talos";
import { type ClusterName, DOMAIN, INFRA } from "./settings.js";

/** Where RGW's S3 API is routed on infra's internal gateway: the S3 endpoint of the platform, for both clusters. */
export const INFRA_S3_HOSTNAME = `s3.${DOMAIN}`;

/**
 * Rook-Ceph on infra: its cluster and storage nodes. Only infra builds from these; other clusters take what the
 * component infra deploys exports (`ceph` of cluster-infra), so that the two cannot disagree.
 */
export const INFRA_ROOK = {
  settings: INFRA,
  nodes: cephNodes(INFRA_INVENTORY),
} satisfies RookCephOptions;

/** The bucket on infra's RGW the PostgreSQL databases of every cluster back up to. */
export const POSTGRES_BACKUP_BUCKET = "postgres";

/** The 1Password item, in each cluster's vault, with the S3 keys of the RGW user that writes to that bucket. */
export const POSTGRES_BACKUP_ITEM = "postgres-backup";

/**
 * Continuous backup of a cluster's PostgreSQL databases to the S3 endpoint infra's Ceph exports: WAL archiving and
 * base backups on `@k8s-ops/cloudnative-pg`'s defaults (daily, kept 30 days), each database in
 * `s3://postgres/<cluster>/<database>/`.
 */
export function postgresBackup(cluster: ClusterName, store: SecretStoreRef, ceph: RookExport): BackupOptions {
  return {
    objectStore: {
      endpoint: ceph.objectStore.endpoint,
      bucket: POSTGRES_BACKUP_BUCKET,
      path: cluster,
      credentials: { store, item: POSTGRES_BACKUP_ITEM },
    },
  };
}
