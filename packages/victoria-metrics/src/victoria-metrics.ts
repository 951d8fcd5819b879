import { type App, appRef, type ChartSource, type Component, helmApp, packageOf } from "@k8s-ops/core";
import { checkCount, checkLabel, failer } from "./checks.js";
import {
  type ResolvedOperatorOptions,
  resolveOperatorOptions,
  type VictoriaMetricsOperatorOptions,
} from "./options.js";

/** Named on every object this package renders into a cluster. */
const SOURCE = packageOf(import.meta.url);

export const VICTORIA_METRICS_OPERATOR_CHART: ChartSource = {
  url: "oci://ghcr.io/victoriametrics/helm-charts/victoria-metrics-operator",
  // renovate: datasource=docker depName=ghcr.io/victoriametrics/helm-charts/victoria-metrics-operator
  tag: "0.67.2",
};

export const PROMETHEUS_OPERATOR_CRDS_CHART: ChartSource = {
  url: "oci://ghcr.io/prometheus-community/charts/prometheus-operator-crds",
  // renovate: datasource=docker depName=ghcr.io/prometheus-community/charts/prometheus-operator-crds
  tag: "33.0.2",
};

/** The CRD groups each app installs: objects of these kinds depend on it. */
export const VICTORIA_METRICS_CRDS = ["operator.victoriametrics.com/*"];
export const PROMETHEUS_CRDS = ["monitoring.coreos.com/*"];

/** The folder of the operator and of every VictoriaMetrics stage after it (`victoria-metrics/<dir>`). */
export const FOLDER = "victoria-metrics";

export interface VictoriaMetricsOperator extends Component {
  /** The operator's app: it installs the VictoriaMetrics CRDs and waits until it serves them. */
  readonly operator: App;
}

/**
 * The VictoriaMetrics operator with its CRDs and, in the CRD layer before it, the Prometheus-operator CRDs, so
 * charts' ServiceMonitors, PodMonitors and PrometheusRules apply and the operator converts them.
 */
export function victoriaMetricsOperator(
  options: VictoriaMetricsOperatorOptions = {},
): VictoriaMetricsOperator {
  const o = resolveOperatorOptions(options);
  checkOptions(o);
  const crds = o.prometheusCrds ? [prometheusCrdsApp(o)] : [];
  const operator = helmApp({
    name: "victoria-metrics-operator",
    namespace: o.namespace,
    layer: "controllers",
    folder: FOLDER,
    chart: VICTORIA_METRICS_OPERATOR_CHART,
    values: operatorValues(o),
    crds: VICTORIA_METRICS_CRDS,
    // The converter watches monitoring.coreos.com only if those CRDs exist when it starts.
    uses: crds.map((app) => appRef(app)),
    wait: true,
  });
  return { name: "victoria-metrics-operator", source: SOURCE, apps: [...crds, operator], operator };
}

function prometheusCrdsApp(o: ResolvedOperatorOptions): App {
  return helmApp({
    name: "prometheus-operator-crds",
    namespace: o.namespace,
    layer: "crds",
    chart: PROMETHEUS_OPERATOR_CRDS_CHART,
    crds: PROMETHEUS_CRDS,
    wait: true,
  });
}

function operatorValues(o: ResolvedOperatorOptions): Record<string, unknown> {
  return {
    admissionWebhooks: { enabled: true, certManager: { enabled: false } },
    // Plain CRDs with their schemas, created and replaced by Flux (install/upgrade crds: CreateReplace).
    crds: { plain: true },
    operator: {
      disable_prometheus_converter: !o.prometheusConverter,
      enable_converter_ownership: o.prometheusConverter,
      prometheus_converter_add_argocd_ignore_annotations: false,
    },
    replicaCount: o.replicas,
    serviceMonitor: { enabled: true },
  };
}

function checkOptions(o: ResolvedOperatorOptions): void {
  const fail = failer("victoria-metrics-operator");
  checkLabel(fail, "namespace", o.namespace, "observability");
  checkCount(fail, "replicas", o.replicas, 1, "the operator needs at least one replica");
}
