import type { BackupOptions } from "@k8s-ops/cloudnative-pg";
import type { GatewayRef, SecretStoreRef, StorageClassRef, VolumeSnapshotClassRef } from "@k8s-ops/core";

export interface N8nOptions {
  /** The gateway the route attaches to: `envoyGateway(…).gateways.external`. */
  readonly gateway: GatewayRef;
  /** The secret store: items `n8n-db` (database passwords), `n8n` (`N8N_ENCRYPTION_KEY`…), `volsync` (backups). */
  readonly store: SecretStoreRef;
  /** Storage class of the data volume and the database. */
  readonly storageClass: StorageClassRef;
  /** Snapshot class of the storage class's CSI driver, for the data volume's backups. */
  readonly snapshotClass: VolumeSnapshotClassRef;
  /** @default "n8n" */
  readonly namespace?: string;
  /** The public host name. @default "n8n.${SECRET_DOMAIN}" */
  readonly hostname?: string;
  /** Size of the data volume (`~/.n8n`: settings, binary data). @default "5Gi" */
  readonly dataSize?: string;
  /** Size of the database volume. @default "10Gi" */
  readonly databaseSize?: string;
  /**
   * Continuous backup of the database (WAL archiving and scheduled base backups through the barman-cloud plugin).
   * The database is business data: without a backup, `k8s-ops check` reports it. @default none
   */
  readonly databaseBackup?: BackupOptions;
  /** The 1Password item with the restic repository (see @k8s-ops/volsync). @default "volsync" */
  readonly backupItem?: string;
}

export interface ResolvedN8nOptions extends Required<Omit<N8nOptions, "databaseBackup">> {
  readonly databaseBackup?: BackupOptions;
}

export function resolveOptions(options: N8nOptions): ResolvedN8nOptions {
  return {
    ...options,
    namespace: options.namespace ?? "n8n",
    hostname: options.hostname ?? "n8n.${SECRET_DOMAIN}",
    dataSize: options.dataSize ?? "5Gi",
    databaseSize: options.databaseSize ?? "10Gi",
    backupItem: options.backupItem ?? "volsync",
  };
}
