import type { SecretStoreRef, StorageClassRef, VolumeSnapshotClassRef } from "@k8s-ops/core";

/** How many restic snapshots `restic forget` keeps, per period (restic's `--keep-*`). */
export interface Retention {
  /** Latest snapshot of each of the last N hours. @default none kept by hour */
  readonly hourly?: number;
  /** Latest snapshot of each of the last N days. */
  readonly daily: number;
  /** Latest snapshot of each of the last N weeks. @default none kept by week */
  readonly weekly?: number;
  /** Latest snapshot of each of the last N months. @default none kept by month */
  readonly monthly?: number;
}

/** Where the restic repository is and how to open it: one item of the secret store. */
export interface ResticRepository {
  /** The store the item is read from: the external-secrets component's `secretStore`. */
  readonly store: SecretStoreRef;
  /**
   * The item with the fields `REPOSITORY_TEMPLATE` (the S3 bucket URL, e.g. `s3:https://s3.example.com/volsync`; the
   * backup appends `/<name>`), `RESTIC_PASSWORD`, `AWS_ACCESS_KEY_ID` and `AWS_SECRET_ACCESS_KEY`.
   */
  readonly item: string;
}

/** The user and groups the mover runs as: those that own the data in the volume. */
export interface MoverSecurityContext {
  readonly runAsUser: number;
  readonly runAsGroup: number;
  /** @default runAsGroup */
  readonly fsGroup?: number;
}

export interface BackupOptions {
  /** The app the volume belongs to (a DNS label); names the backup's objects and its folder in the repository. */
  readonly app: string;
  /** The PersistentVolumeClaim to back up, in the app's namespace (a DNS label). */
  readonly pvc: string;
  /** Size of the volume a restore creates, a Kubernetes quantity such as `"5Gi"`. */
  readonly capacity: string;
  /** StorageClass of the volume: of the restored volume and of the temporary volume made from the snapshot. */
  readonly storageClass: StorageClassRef;
  /** VolumeSnapshotClass of the volume's CSI driver (backups read a snapshot of the volume: `copyMethod: Snapshot`). */
  readonly snapshotClass: VolumeSnapshotClassRef;
  /** When to back up: a cron schedule (five fields, UTC) such as `"0 * * * *"`, or `@hourly`, `@daily`, … */
  readonly schedule: string;
  /** Which snapshots the repository keeps. */
  readonly retention: Retention;
  /** The restic repository (S3) and its credentials, read from the secret store by an ExternalSecret. */
  readonly repository: ResticRepository;
  /** StorageClass of restic's cache volume. @default storageClass */
  readonly cacheStorageClass?: StorageClassRef;
  /** Size of restic's cache volume. @default "2Gi" */
  readonly cacheCapacity?: string;
  /** User and groups the mover runs as. @default { runAsUser: 1000, runAsGroup: 1000, fsGroup: 1000 } */
  readonly moverSecurityContext?: MoverSecurityContext;
  /** Run `restic prune` every this many days. @default 14 */
  readonly pruneIntervalDays?: number;
}

export interface ResolvedBackupOptions extends Required<Omit<BackupOptions, "moverSecurityContext">> {
  readonly moverSecurityContext: Required<MoverSecurityContext>;
  /** What the objects are named after: the app, or `<app>-<pvc>` when the claim is named otherwise. */
  readonly name: string;
}

export function resolveBackupOptions(options: BackupOptions): ResolvedBackupOptions {
  const security = options.moverSecurityContext ?? { runAsUser: 1000, runAsGroup: 1000 };
  return {
    ...options,
    cacheStorageClass: options.cacheStorageClass ?? options.storageClass,
    cacheCapacity: options.cacheCapacity ?? "2Gi",
    moverSecurityContext: { ...security, fsGroup: security.fsGroup ?? security.runAsGroup },
    pruneIntervalDays: options.pruneIntervalDays ?? 14,
    name: options.pvc === options.app ? options.app : `${options.app}-${options.pvc}`,
  };
}
