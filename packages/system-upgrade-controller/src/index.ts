export {
  APP_TEMPLATE_CHART,
  type ImageRef,
  SERVICE_ACCOUNT,
  SYSTEM_UPGRADE_CONTROLLER_IMAGE,
} from "./controller.js";
export {
  type IPlan,
  type IPlanSpec,
  type ITalosServiceAccount,
  type LabelSelectorRequirement,
  ModelValidationError,
  type ObjectMeta,
  Plan,
  type PlanContainer,
  type PlanSecret,
  type TalosRole,
  TalosServiceAccount,
} from "./models.js";
export type { SystemUpgradeControllerOptions } from "./options.js";
export { TALOS_SERVICE_ACCOUNT, TALOSCTL_IMAGE } from "./plans.js";
export {
  SYSTEM_UPGRADE_CRDS,
  type SystemUpgradeController,
  systemUpgradeController,
  TALOS_SERVED_KINDS,
  type TalosApiAccess,
} from "./system-upgrade-controller.js";
