import type { AppRef } from "@k8s-ops/core";

export interface VolSyncOptions {
  /**
   * The snapshot API the operator needs (it watches VolumeSnapshots, whose CRDs must exist before it starts): the
   * snapshot-controller component's `snapshotApi`.
   */
  readonly snapshots: AppRef;
  /** Namespace of the operator. @default "volsync-system" */
  readonly namespace?: string;
}

export interface ResolvedVolSyncOptions extends Required<VolSyncOptions> {}

export function resolveOptions(options: VolSyncOptions): ResolvedVolSyncOptions {
  return {
    snapshots: options.snapshots,
    namespace: options.namespace ?? "volsync-system",
  };
}
