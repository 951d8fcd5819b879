import type { BackupOptions } from "@k8s-ops/cloudnative-pg";
import type { GatewayRef, SecretStoreRef, StorageClassRef, VolumeSnapshotClassRef } from "@k8s-ops/core";

export interface OdooOptions {
  /** The gateway the route attaches to: `envoyGateway(…).gateways.external`. */
  readonly gateway: GatewayRef;
  /** The secret store: items `odoo-db` (database passwords), `odoo` (environment), `volsync` (backups). */
  readonly store: SecretStoreRef;
  /** Storage class of the filestore and the database. */
  readonly storageClass: StorageClassRef;
  /** Snapshot class of the storage class's CSI driver, for the filestore backups. */
  readonly snapshotClass: VolumeSnapshotClassRef;
  /** @default "odoo" */
  readonly namespace?: string;
  /** The public host name. @default "odoo.${SECRET_DOMAIN}" */
  readonly hostname?: string;
  /** Size of the filestore volume (attachments, sessions). @default "10Gi" */
  readonly filestoreSize?: string;
  /** Size of the database volume. @default "20Gi" */
  readonly databaseSize?: string;
  /**
   * Continuous backup of the database (WAL archiving and scheduled base backups through the barman-cloud plugin).
   * The database is business data: without a backup, `k8s-ops check` reports it. @default none
   */
  readonly databaseBackup?: BackupOptions;
  /** The 1Password item with the restic repository (see @k8s-ops/volsync). @default "volsync" */
  readonly backupItem?: string;
}

export interface ResolvedOdooOptions extends Required<Omit<OdooOptions, "databaseBackup">> {
  readonly databaseBackup?: BackupOptions;
}

export function resolveOptions(options: OdooOptions): ResolvedOdooOptions {
  return {
    ...options,
    namespace: options.namespace ?? "odoo",
    hostname: options.hostname ?? "odoo.${SECRET_DOMAIN}",
    filestoreSize: options.filestoreSize ?? "10Gi",
    databaseSize: options.databaseSize ?? "20Gi",
    backupItem: options.backupItem ?? "volsync",
  };
}
