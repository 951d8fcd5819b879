/**
 * @k8s-ops/grafana: Grafana on the hub through the grafana-operator, with datasources, dashboards as code, SSO and a
 * route through the internal gateway.
 */
export {
  type DashboardSpec,
  DEFAULT_DASHBOARDS,
  folderName,
  type GrafanaComSource,
  type UrlSource,
} from "./dashboards.js";
export {
  type DatasourceKind,
  INSTANCE_LABELS,
  INSTANCE_SELECTOR,
  logsDatasourceName,
  METRICS_DATASOURCE,
  VICTORIA_LOGS_PLUGIN,
} from "./datasources.js";
export {
  GRAFANA_OPERATOR_CHART,
  GRAFANA_OPERATOR_CRDS,
  type GrafanaComponent,
  grafana,
} from "./grafana.js";
export { INSTANCE_NAME, SERVICE } from "./instance.js";
export {
  type DatasourceEndpoint,
  DEFAULT_ROLE_ATTRIBUTE_PATH,
  type GrafanaOptions,
  type OidcEndpoints,
  type OidcProvider,
  type SsoOptions,
  type Tenant,
} from "./options.js";
export { authentikProvider } from "./providers.js";
