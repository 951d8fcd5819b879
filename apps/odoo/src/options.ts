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
  /** The 1Password item with the restic repository (see @k8s-ops/volsync). @default "volsync" */
  readonly backupItem?: string;
}

export type ResolvedOdooOptions = Required<OdooOptions>;

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
