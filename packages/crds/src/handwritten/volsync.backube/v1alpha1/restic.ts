// The restic mover fields shared by ReplicationSource and ReplicationDestination (volsync.backube/v1alpha1).
import type { Issues, JsonObject, JsonType } from "../../check.js";
import type { PodSecurityContext } from "../../kube.js";

/** How the mover gets at the data: directly, through a clone of the volume, or through a VolumeSnapshot. */
export type ReplicationSourceCopyMethod = "Direct" | "None" | "Clone" | "Snapshot";
/** How a restore keeps its result: in the volume itself, or as a VolumeSnapshot of it. */
export type ReplicationDestinationCopyMethod = "Direct" | "None" | "Snapshot";

/** When replication runs: on a cron schedule, or once per new `manual` value. */
export interface ReplicationTrigger {
  /** Cron schedule, e.g. `"0 * * * *"`. */
  schedule?: string;
  /** Any string: each new value triggers one run. */
  manual?: string;
}

/** The restic options a backup and a restore have in common. */
export interface ResticMoverOptions {
  /** Name of the Secret holding RESTIC_REPOSITORY, RESTIC_PASSWORD and the backend credentials. */
  repository: string;
  /** StorageClass of the temporary volume (clone, snapshot restore or restore target). */
  storageClassName?: string;
  /** VolumeSnapshotClass used with copyMethod Snapshot. */
  volumeSnapshotClassName?: string;
  /** Access modes of the temporary volume. */
  accessModes?: string[];
  /** StorageClass of restic's cache volume. */
  cacheStorageClassName?: string;
  /** Size of restic's cache volume, e.g. `"1Gi"`. */
  cacheCapacity?: string;
  /** Access modes of restic's cache volume. */
  cacheAccessModes?: string[];
  /** Security context of the mover pod (user, group, fsGroup that own the data). */
  moverSecurityContext?: PodSecurityContext;
}

/** How many restic snapshots to keep. */
export interface ResticRetainPolicy {
  hourly?: number;
  daily?: number;
  weekly?: number;
  monthly?: number;
  yearly?: number;
  /** Keep every snapshot newer than this duration, e.g. `"3d"`. */
  within?: string;
}

const MOVER_FIELDS: Readonly<Record<string, JsonType>> = {
  repository: "string",
  storageClassName: "string",
  volumeSnapshotClassName: "string",
  accessModes: "array",
  cacheStorageClassName: "string",
  cacheCapacity: "string",
  cacheAccessModes: "array",
  moverSecurityContext: "object",
};

export function checkTrigger(issues: Issues, value: unknown, path: string): void {
  const trigger = issues.object(value, path);
  if (trigger) issues.fields(trigger, path, { schedule: "string", manual: "string" });
}

/** Checks the restic block: present, repository and copyMethod set, known fields typed. */
export function checkRestic(
  issues: Issues,
  spec: JsonObject,
  copyMethods: readonly string[],
  extra: Readonly<Record<string, JsonType>>,
): JsonObject | undefined {
  const restic = issues.object(spec.restic, "/spec/restic");
  if (!restic) return undefined;
  issues.required(restic, "/spec/restic", ["repository", "copyMethod"]);
  issues.fields(restic, "/spec/restic", { ...MOVER_FIELDS, ...extra });
  issues.oneOf(restic.copyMethod, "/spec/restic/copyMethod", copyMethods);
  return restic;
}
