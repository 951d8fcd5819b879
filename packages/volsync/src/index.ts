export { APPLY_ONCE, type Backup, backup, RESTIC_SECRET_TEMPLATE } from "./backup.js";
export { MAX_NAME } from "./backup-checks.js";
export type {
  BackupOptions,
  MoverSecurityContext,
  ResticRepository,
  Retention,
} from "./backup-options.js";
export { CRON_EXPECTED } from "./cron.js";
export type { VolSyncOptions } from "./options.js";
export { restoredPvc } from "./restore.js";
export { VOLSYNC_CHART, VOLSYNC_CRDS, type VolSync, volsync } from "./volsync.js";
