export { FLUX_INSTANCE_CHART, FLUX_OPERATOR_CHART, FLUX_OPERATOR_CRDS, type Flux, flux } from "./flux.js";
export { FEATURE_GATES, FLUX_COMPONENTS } from "./instance.js";
export { appNamespaces } from "./namespaces.js";
export { ALERT_KINDS, COMMIT_STATUS_KINDS, RECEIVER_NAME, WEBHOOK_SERVICE } from "./notifications.js";
export {
  COMMIT_STATUS_PROVIDERS,
  type DeployedSecret,
  type FluxNotificationsOptions,
  type FluxOptions,
  type FluxReceiverOptions,
  type FluxSecret,
  type ProviderType,
  type WebhookRoute,
} from "./options.js";
