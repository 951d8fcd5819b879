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
  DATASOURCE_NAMES,
  type DatasourceKind,
  INSTANCE_LABELS,
  INSTANCE_SELECTOR,
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
  type SsoOptions,
} from "./options.js";
