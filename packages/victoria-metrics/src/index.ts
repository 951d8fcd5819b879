export { type VMAgentComponent, vmAgent } from "./agent.js";
export type {
  AlertingOptions,
  AlertReceiver,
  AlertRoute,
  DiscordReceiver,
  PushoverReceiver,
  WebhookReceiver,
} from "./alerting-options.js";
export { NULL_RECEIVER } from "./alerting-options.js";
export { ALERTMANAGER_PORT } from "./alertmanager.js";
export { LBIPAM_IPS, operationalHealth, VMCLUSTER_PORTS } from "./cluster.js";
export { type HubEndpoint, type HubWriter, type MetricsHub, queryUrl, remoteWriteUrl } from "./endpoints.js";
export { KUBE_STATE_METRICS_CHART, NODE_EXPORTER_CHART } from "./exporters.js";
export { type VictoriaMetricsHub, victoriaMetricsHub } from "./hub.js";
export type {
  HubReplicas,
  VictoriaMetricsHubOptions,
  VictoriaMetricsOperatorOptions,
  VMAgentOptions,
} from "./options.js";
export { DEFAULT_NAMESPACE } from "./options.js";
export {
  type AlertingRule,
  type RecordingRule,
  type Rule,
  type RuleGroup,
  type VMRuleOptions,
  vmRule,
} from "./rule.js";
export { type PodScrapeOptions, podScrape, type ServiceScrapeOptions, serviceScrape } from "./scrape.js";
export {
  FOLDER,
  PROMETHEUS_CRDS,
  PROMETHEUS_OPERATOR_CRDS_CHART,
  VICTORIA_METRICS_CRDS,
  VICTORIA_METRICS_OPERATOR_CHART,
  type VictoriaMetricsOperator,
  victoriaMetricsOperator,
} from "./victoria-metrics.js";
export { VMAUTH_USER_LABEL, WRITER_PASSWORD_FIELD } from "./writers.js";
