import {
  type ChartSource,
  type Component,
  helmApp,
  OptionError,
  packageOf,
  SERVICE_MONITOR,
} from "@k8s-ops/core";
import { type MetricsServerOptions, type ResolvedMetricsServerOptions, resolveOptions } from "./options.js";

/** Named on every object this package renders into a cluster. */
const SOURCE = packageOf(import.meta.url);

/**
 * Upstream publishes metrics-server only in an HTTP Helm repository. ControlPlane (the flux-operator maintainers)
 * re-publish every upstream version as an OCI artifact, synced daily; see the README for why this copy.
 */
export const METRICS_SERVER_CHART: ChartSource = {
  url: "oci://ghcr.io/controlplaneio-fluxcd/charts/metrics-server",
  // renovate: datasource=docker depName=ghcr.io/controlplaneio-fluxcd/charts/metrics-server
  tag: "3.14.0",
};

export interface MetricsServer extends Component {}

/** metrics-server: the resource metrics API (`kubectl top`, HorizontalPodAutoscalers), verifying kubelet TLS. */
export function metricsServer(options: MetricsServerOptions = {}): MetricsServer {
  const o = resolveOptions(options);
  if (!Number.isInteger(o.replicas) || o.replicas < 1) {
    throw new OptionError({
      path: "metrics-server: replicas",
      message: "metrics-server needs at least one replica",
      expected: "an integer ≥ 1",
      found: String(o.replicas),
    });
  }
  const app = helmApp({
    name: "metrics-server",
    namespace: o.namespace,
    layer: "controllers",
    chart: METRICS_SERVER_CHART,
    values: metricsServerValues(o),
    chartKinds: o.serviceMonitor ? [SERVICE_MONITOR] : [],
  });
  return { name: "metrics-server", source: SOURCE, apps: [app] };
}

function metricsServerValues(o: ResolvedMetricsServerOptions): Record<string, unknown> {
  return {
    args: o.kubeletInsecureTls ? ["--kubelet-insecure-tls"] : [],
    metrics: { enabled: o.serviceMonitor },
    podDisruptionBudget: o.replicas > 1 ? { enabled: true, minAvailable: 1 } : { enabled: false },
    replicas: o.replicas,
    serviceMonitor: { enabled: o.serviceMonitor },
  };
}
