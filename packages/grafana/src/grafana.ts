import { type App, type ChartSource, type Component, defineApp, helmApp, packageOf } from "@k8s-ops/core";
import { httpRoute } from "@k8s-ops/envoy-gateway";
import { checkOptions } from "./checks.js";
import { dashboardObject, folderObjects } from "./dashboards.js";
import { logsDatasource, metricsDatasource } from "./datasources.js";
import { grafanaInstance, oauthSecret, SERVICE } from "./instance.js";
import { type GrafanaOptions, type ResolvedGrafanaOptions, resolveOptions } from "./options.js";

/** Named on every object this package renders into a cluster. */
const SOURCE = packageOf(import.meta.url);

export const GRAFANA_OPERATOR_CHART: ChartSource = {
  url: "oci://ghcr.io/grafana/helm-charts/grafana-operator",
  // renovate: datasource=docker depName=ghcr.io/grafana/helm-charts/grafana-operator
  tag: "5.24.0",
};

/** The CRD group the operator's chart installs: Grafana, GrafanaDatasource, GrafanaDashboard, GrafanaFolder, … */
export const GRAFANA_OPERATOR_CRDS = ["grafana.integreatly.org/*"];

/** The chart renders a ServiceMonitor of the operator's metrics, which the VictoriaMetrics operator converts. */
const OPERATOR_VALUES = { serviceMonitor: { enabled: true } };

export interface GrafanaComponent extends Component {
  /** Grafana's URL. */
  readonly url: string;
}

/**
 * Grafana on the hub: the grafana-operator (with its CRDs, waited for), then a stage with the instance, the
 * VictoriaMetrics datasource over every tenant and a VictoriaLogs datasource per tenant, folders and dashboards as
 * code, SSO when configured, and the route.
 */
export function grafana(options: GrafanaOptions): GrafanaComponent {
  const o = resolveOptions(options);
  checkOptions(o);
  const operator = helmApp({
    name: "grafana-operator",
    namespace: o.namespace,
    layer: "controllers",
    folder: "grafana",
    chart: GRAFANA_OPERATOR_CHART,
    crds: GRAFANA_OPERATOR_CRDS,
    values: OPERATOR_VALUES,
    wait: true,
  });
  return { name: "grafana", source: SOURCE, apps: [operator, instanceApp(o)], url: `https://${o.hostname}` };
}

function instanceApp(o: ResolvedGrafanaOptions): App {
  const oauth = o.sso && oauthSecret(o.sso, o.sso.store);
  const route = httpRoute({ name: "grafana", gateway: o.gateway, hostnames: [o.hostname], service: SERVICE });
  return defineApp({
    name: "grafana-instance",
    namespace: o.namespace,
    layer: "platform",
    folder: "grafana",
    dir: "instance",
    objects: [
      grafanaInstance(o, oauth),
      metricsDatasource(o.metrics),
      ...o.tenants.map((tenant) => logsDatasource(o.logs, tenant)),
      ...folderObjects(o.dashboards),
      ...o.dashboards.map((dashboard) => dashboardObject(dashboard, o.tenants)),
      route.route,
      ...(oauth ? [oauth.object] : []),
    ],
    uses: [...route.uses, ...(oauth?.uses ?? [])],
  });
}
