export type { SnapshotControllerOptions } from "./options.js";
export {
  SNAPSHOT_CONTROLLER_CHART,
  SNAPSHOT_CRDS,
  type SnapshotController,
  snapshotController,
} from "./snapshot-controller.js";
