import { GrafanaDatasource } from "@kubernetes-models/grafana-operator/grafana.integreatly.org/v1beta1/GrafanaDatasource";
import type { DatasourceEndpoint, Tenant } from "./options.js";

/** The label on the Grafana instance that every datasource, folder and dashboard selects it by. */
export const INSTANCE_LABELS = { dashboards: "grafana" } as const;
export const INSTANCE_SELECTOR = { matchLabels: { ...INSTANCE_LABELS } };

/** What fills a dashboard's datasource input: the metrics datasource, or the first tenant's logs datasource. */
export type DatasourceKind = "metrics" | "logs";

/** The metrics datasource's name in Grafana (every tenant). */
export const METRICS_DATASOURCE = "VictoriaMetrics";

/** The name in Grafana of a tenant's logs datasource. */
export function logsDatasourceName(tenant: Tenant): string {
  return `VictoriaLogs ${tenant.name}`;
}

/** The datasource a dashboard input of this kind is filled with. */
export function datasourceName(kind: DatasourceKind, tenants: readonly Tenant[]): string {
  const [first] = tenants;
  return kind === "logs" && first ? logsDatasourceName(first) : METRICS_DATASOURCE;
}

/** The VictoriaLogs datasource plugin, installed by the operator for the datasource that needs it. */
export const VICTORIA_LOGS_PLUGIN = {
  name: "victoriametrics-logs-datasource",
  // renovate: datasource=github-releases depName=VictoriaMetrics/victorialogs-datasource extractVersion=^v(?<version>.+)$
  version: "0.22.0",
} as const;

/**
 * Grafana's custom HTTP headers of a datasource: `httpHeaderName<n>` in jsonData, `httpHeaderValue<n>` in
 * secureJsonData (which Grafana stores encrypted once applied).
 */
function headerSettings(endpoint: DatasourceEndpoint) {
  const headers = Object.entries(endpoint.headers ?? {});
  if (headers.length === 0) return { jsonData: {} };
  return {
    jsonData: Object.fromEntries(headers.map(([name], i) => [`httpHeaderName${i + 1}`, name])),
    secureJsonData: Object.fromEntries(headers.map(([, value], i) => [`httpHeaderValue${i + 1}`, value])),
  };
}

/** VictoriaMetrics through its Prometheus-compatible API over every tenant, the default datasource. */
export function metricsDatasource(endpoint: DatasourceEndpoint): GrafanaDatasource {
  const { jsonData, secureJsonData } = headerSettings(endpoint);
  return new GrafanaDatasource({
    metadata: { name: "victoria-metrics" },
    spec: {
      datasource: {
        access: "proxy",
        isDefault: true,
        jsonData: { prometheusType: "Prometheus", timeInterval: "30s", ...jsonData },
        name: METRICS_DATASOURCE,
        secureJsonData,
        type: "prometheus",
        uid: "victoria-metrics",
        url: endpoint.url,
      },
      instanceSelector: INSTANCE_SELECTOR,
    },
  });
}

/**
 * VictoriaLogs through its own plugin (LogsQL), on one tenant: VictoriaLogs reads one tenant per query, chosen by
 * the `AccountID` and `ProjectID` headers, so each cluster gets a datasource of its own.
 */
export function logsDatasource(endpoint: DatasourceEndpoint, tenant: Tenant): GrafanaDatasource {
  const headers = { ...endpoint.headers, AccountID: String(tenant.id), ProjectID: "0" };
  const { jsonData, secureJsonData } = headerSettings({ ...endpoint, headers });
  const name = `victoria-logs-${tenant.name}`;
  return new GrafanaDatasource({
    metadata: { name },
    spec: {
      datasource: {
        access: "proxy",
        jsonData: { maxLines: 1000, ...jsonData },
        name: logsDatasourceName(tenant),
        secureJsonData,
        type: VICTORIA_LOGS_PLUGIN.name,
        uid: name,
        url: endpoint.url,
      },
      instanceSelector: INSTANCE_SELECTOR,
      plugins: [{ ...VICTORIA_LOGS_PLUGIN }],
    },
  });
}
