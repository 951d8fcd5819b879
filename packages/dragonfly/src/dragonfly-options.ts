import type { Layer, StorageClassRef } from "@k8s-ops/core";

/** Periodic snapshots of the dataset to a volume per instance, loaded again when an instance restarts. */
export interface SnapshotOptions {
  /** The volumes' storage class, from the component that provides it (never a name). */
  readonly storageClass: StorageClassRef;
  /** Size of each instance's snapshot volume, a Kubernetes quantity such as `2Gi`. */
  readonly size: string;
  /** When snapshots are taken, as a 5-field cron, e.g. `*\/15 * * * *`. */
  readonly cron: string;
}

export interface DragonflyOptions {
  /** Name of the Dragonfly (a DNS label); also the name of its Service and of its app. */
  readonly name: string;
  /** Namespace of the Dragonfly and its app. */
  readonly namespace: string;
  /** Instances: one master, the rest replicas the operator fails over to. */
  readonly replicas: number;
  /** Memory of each instance (request and limit), a Kubernetes quantity such as `1Gi`; Dragonfly sizes its cache to it. */
  readonly memory: string;
  /** Snapshot the dataset to volumes. @default none: the data lives in memory only */
  readonly snapshots?: SnapshotOptions;
  /**
   * Namespace of the Dragonfly operator: a NetworkPolicy lets it in to the instances' admin and Redis ports through
   * the namespace's default deny. @default "dragonfly-system"
   */
  readonly operatorNamespace?: string;
  /** Where the app comes in the bring-up order. @default "platform" */
  readonly layer?: Layer;
  /** Folder under `apps/<namespace>/` of the app's ks.yaml (set it to stage Dragonfly with its user). @default name */
  readonly folder?: string;
  /** Sub-folder of `folder` with the manifests. @default "app" */
  readonly dir?: string;
}
