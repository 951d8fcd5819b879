/** @k8s-ops/kromgo: status badges (shields.io endpoints) from the hub's metrics. */
export { APP_TEMPLATE_CHART, type Kromgo, kromgo } from "./kromgo.js";
export {
  type BadgeColor,
  DEFAULT_BADGES,
  type KromgoMetric,
  type KromgoOptions,
  type MetricsQueryEndpoint,
} from "./options.js";
export { CONFIG_PATH, KROMGO_IMAGE } from "./values.js";
