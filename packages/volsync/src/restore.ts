import { PersistentVolumeClaim } from "kubernetes-models/v1/PersistentVolumeClaim";
import type { Backup } from "./backup.js";

/**
 * The PersistentVolumeClaim of a backed-up volume, populated from its latest backup: its `dataSourceRef` points at
 * the backup's ReplicationDestination, so on a new cluster (or after the claim is deleted) the volume starts with
 * the restored data, and on an empty repository it starts empty. Put it in the app that owns the volume, beside the
 * backup's objects, when the app does not create the claim itself.
 */
export function restoredPvc(backup: Backup): PersistentVolumeClaim {
  return new PersistentVolumeClaim({
    metadata: { name: backup.pvc },
    spec: {
      accessModes: ["ReadWriteOnce"],
      dataSourceRef: {
        apiGroup: "volsync.backube",
        kind: "ReplicationDestination",
        name: backup.destination,
      },
      resources: { requests: { storage: backup.capacity } },
      storageClassName: backup.storageClass.name,
    },
  });
}
