export { DRAGONFLY_ADMIN_PORT, DRAGONFLY_PORT } from "./access.js";
export { DRAGONFLY_HEALTH, type Dragonfly, dragonfly } from "./dragonfly.js";
export {
  DRAGONFLY_CRDS,
  DRAGONFLY_OPERATOR_CHART,
  type DragonflyOperator,
  dragonflyOperator,
} from "./dragonfly-operator.js";
export type { DragonflyOptions, SnapshotOptions } from "./dragonfly-options.js";
export type { DragonflyOperatorOptions } from "./options.js";
