import type { Reference, StorageClassRef } from "@k8s-ops/core";
import {
  ReplicationDestination,
  ReplicationSource,
  type ResticMoverOptions,
} from "@k8s-ops/crds/volsync.backube/v1alpha1";
import { type StoreSecret, storeSecret } from "@k8s-ops/external-secrets";
import { checkBackupOptions } from "./backup-checks.js";
import { type BackupOptions, type ResolvedBackupOptions, resolveBackupOptions } from "./backup-options.js";

/** The fields of the repository item the ExternalSecret reads, and the Secret keys restic gets from them. */
export const RESTIC_SECRET_TEMPLATE = {
  RESTIC_PASSWORD: "{{ .RESTIC_PASSWORD }}",
  AWS_ACCESS_KEY_ID: "{{ .AWS_ACCESS_KEY_ID }}",
  AWS_SECRET_ACCESS_KEY: "{{ .AWS_SECRET_ACCESS_KEY }}",
} as const;

/** Flux creates the restore once and never re-applies it, so a restore is not started again by a reconcile. */
export const APPLY_ONCE = { "kustomize.toolkit.fluxcd.io/ssa": "IfNotPresent" } as const;

/** A volume's backup: the objects to put in the app that owns the volume, and what that app must `use`. */
export interface Backup {
  /** The repository Secret (ExternalSecret), the scheduled backup and the restore-once destination. */
  readonly objects: readonly [StoreSecret["object"], ReplicationSource, ReplicationDestination];
  /** Put these in the app's `uses`: the storage classes, the snapshot class and the secret store. */
  readonly uses: readonly Reference[];
  /** The name the objects are derived from: the app, or `<app>-<pvc>`. */
  readonly name: string;
  /** The PersistentVolumeClaim backed up. */
  readonly pvc: string;
  /** Size of the restored volume. */
  readonly capacity: string;
  /** StorageClass of the restored volume. */
  readonly storageClass: StorageClassRef;
  /** Name of the ReplicationDestination a restored claim's `dataSourceRef` points at. */
  readonly destination: string;
  /** Name of the Secret with RESTIC_REPOSITORY, RESTIC_PASSWORD and the S3 credentials. */
  readonly secretName: string;
}

/**
 * A restic backup of one PersistentVolumeClaim to S3 with VolSync: an ExternalSecret writes the repository Secret
 * from one item of the store, a ReplicationSource snapshots the claim (`copyMethod: Snapshot`) and backs it up on
 * the schedule, keeping `retention`, and a ReplicationDestination (`trigger.manual: restore-once`) restores the
 * latest backup into a snapshot a new claim can start from (see `restoredPvc`).
 */
export function backup(options: BackupOptions): Backup {
  const o = resolveBackupOptions(options);
  checkBackupOptions(o);
  const secret = storeSecret({
    name: `${o.name}-volsync`,
    store: o.repository.store,
    item: o.repository.item,
    template: { RESTIC_REPOSITORY: `{{ .REPOSITORY_TEMPLATE }}/${o.name}`, ...RESTIC_SECRET_TEMPLATE },
  });
  const destination = `${o.name}-dst`;
  return {
    objects: [secret.object, source(o, secret.secretName), restore(o, destination, secret.secretName)],
    uses: unique([o.storageClass, o.snapshotClass, o.repository.store, o.cacheStorageClass]),
    name: o.name,
    pvc: o.pvc,
    capacity: o.capacity,
    storageClass: o.storageClass,
    destination,
    secretName: secret.secretName,
  };
}

function mover(o: ResolvedBackupOptions, repository: string): ResticMoverOptions {
  return {
    repository,
    storageClassName: o.storageClass.name,
    volumeSnapshotClassName: o.snapshotClass.name,
    accessModes: ["ReadWriteOnce"],
    cacheStorageClassName: o.cacheStorageClass.name,
    cacheCapacity: o.cacheCapacity,
    cacheAccessModes: ["ReadWriteOnce"],
    moverSecurityContext: { ...o.moverSecurityContext },
  };
}

function source(o: ResolvedBackupOptions, repository: string): ReplicationSource {
  return new ReplicationSource({
    metadata: { name: o.name },
    spec: {
      sourcePVC: o.pvc,
      trigger: { schedule: o.schedule },
      restic: {
        ...mover(o, repository),
        copyMethod: "Snapshot",
        pruneIntervalDays: o.pruneIntervalDays,
        retain: { ...o.retention },
      },
    },
  });
}

function restore(o: ResolvedBackupOptions, name: string, repository: string): ReplicationDestination {
  return new ReplicationDestination({
    metadata: { name, labels: { ...APPLY_ONCE } },
    spec: {
      trigger: { manual: "restore-once" },
      restic: { ...mover(o, repository), copyMethod: "Snapshot", capacity: o.capacity },
    },
  });
}

/** Each reference once (the cache class is usually the volume's class). */
function unique(refs: readonly Reference[]): Reference[] {
  const key = (ref: Reference) =>
    `${ref.type}/${ref.namespace ?? ""}/${ref.name}@${ref.provider.namespace}/${ref.provider.name}`;
  return [...new Map(refs.map((ref) => [key(ref), ref])).values()];
}
