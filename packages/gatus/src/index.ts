/**
 * @k8s-ops/gatus: the Gatus status page, and `gatusCheck()`, the one line an app with a route adds to be checked.
 */
export {
  GATUS_LABEL,
  type GatusCheck,
  type GatusCheckOptions,
  type GatusEndpoint,
  gatusCheck,
} from "./check.js";
export { APP_TEMPLATE_CHART, type Gatus, gatus } from "./gatus.js";
export type { GatusOptions } from "./options.js";
export { CONFIG_SIDECAR_IMAGE, GATUS_IMAGE } from "./values.js";
