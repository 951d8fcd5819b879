import { GrafanaDatasource } from "@kubernetes-models/grafana-operator/grafana.integreatly.org/v1beta1/GrafanaDatasource";
import type { DatasourceEndpoint } from "./options.js";

/** The label on the Grafana instance that every datasource, folder and dashboard selects it by. */
export const INSTANCE_LABELS = { dashboards: "grafana" } as const;
export const INSTANCE_SELECTOR = { matchLabels: { ...INSTANCE_LABELS } };

export type DatasourceKind = "metrics" | "logs";

/** The datasources' names in Grafana, which dashboards' inputs are filled with. */
export const DATASOURCE_NAMES: Readonly<Record<DatasourceKind, string>> = {
  metrics: "VictoriaMetrics",
  logs: "VictoriaLogs",
};

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

/** VictoriaMetrics through its Prometheus-compatible API, the default datasource. */
export function metricsDatasource(endpoint: DatasourceEndpoint): GrafanaDatasource {
  const { jsonData, secureJsonData } = headerSettings(endpoint);
  return new GrafanaDatasource({
    metadata: { name: "victoria-metrics" },
    spec: {
      datasource: {
        access: "proxy",
        isDefault: true,
        jsonData: { prometheusType: "Prometheus", timeInterval: "30s", ...jsonData },
        name: DATASOURCE_NAMES.metrics,
        secureJsonData,
        type: "prometheus",
        uid: "victoria-metrics",
        url: endpoint.url,
      },
      instanceSelector: INSTANCE_SELECTOR,
    },
  });
}

/** VictoriaLogs through its own plugin (LogsQL). */
export function logsDatasource(endpoint: DatasourceEndpoint): GrafanaDatasource {
  const { jsonData, secureJsonData } = headerSettings(endpoint);
  return new GrafanaDatasource({
    metadata: { name: "victoria-logs" },
    spec: {
      datasource: {
        access: "proxy",
        jsonData: { maxLines: 1000, ...jsonData },
        name: DATASOURCE_NAMES.logs,
        secureJsonData,
        type: VICTORIA_LOGS_PLUGIN.name,
        uid: "victoria-logs",
        url: endpoint.url,
      },
      instanceSelector: INSTANCE_SELECTOR,
      plugins: [{ ...VICTORIA_LOGS_PLUGIN }],
    },
  });
}
