export {
  type ActionsRunnerController,
  ARC_CONTROLLER_CHART,
  ARC_CRDS,
  ARC_SCALE_SET_CHART,
  ARC_VERSION,
  actionsRunnerController,
  CONTROLLER_NAME,
} from "./actions-runner-controller.js";
export type { ActionsRunnerControllerOptions, ContainerMode, GithubAppFields } from "./options.js";
