import { type App, type ChartSource, helmApp } from "@k8s-ops/core";
import { serviceScrape } from "./scrape.js";
import { FOLDER } from "./victoria-metrics.js";

export const NODE_EXPORTER_CHART: ChartSource = {
  url: "oci://ghcr.io/prometheus-community/charts/prometheus-node-exporter",
  // renovate: datasource=docker depName=ghcr.io/prometheus-community/charts/prometheus-node-exporter
  tag: "4.55.0",
};

export const KUBE_STATE_METRICS_CHART: ChartSource = {
  url: "oci://ghcr.io/prometheus-community/charts/kube-state-metrics",
  // renovate: datasource=docker depName=ghcr.io/prometheus-community/charts/kube-state-metrics
  tag: "7.4.1",
};

/** The host network, host PID and the node's root file system need the `privileged` Pod Security level. */
const PRIVILEGED = { "pod-security.kubernetes.io/enforce": "privileged" };

/** The labels both charts put on their Service: the chart's name and the release's. */
function chartLabels(chart: string, release: string): Record<string, string> {
  return { "app.kubernetes.io/instance": release, "app.kubernetes.io/name": chart };
}

/**
 * node-exporter on every node (taints tolerated), in the host's network and PID namespaces with its root file system
 * read-only, scraped through its Service: CPU, memory, disks, network, and the OS (Talos) of each node.
 */
export function nodeExporterApp(namespace: string): App {
  const name = "node-exporter";
  return helmApp({
    name,
    namespace,
    layer: "platform",
    folder: FOLDER,
    dir: name,
    chart: NODE_EXPORTER_CHART,
    values: {
      fullnameOverride: name,
      priorityClassName: "system-node-critical",
      resources: { limits: { memory: "64Mi" }, requests: { cpu: "20m", memory: "32Mi" } },
      tolerations: [{ operator: "Exists" }],
    },
    objects: [
      serviceScrape({
        name,
        selector: chartLabels("prometheus-node-exporter", name),
        port: "metrics",
      }),
    ],
    namespaceLabels: PRIVILEGED,
  });
}

/**
 * kube-state-metrics: the state of the cluster's objects (nodes, pods, deployments, …) as metrics, scraped with
 * its own labels kept (`namespace`, `pod` name the object described, not the exporter).
 */
export function kubeStateMetricsApp(namespace: string): App {
  const name = "kube-state-metrics";
  return helmApp({
    name,
    namespace,
    layer: "platform",
    folder: FOLDER,
    dir: name,
    chart: KUBE_STATE_METRICS_CHART,
    values: {
      fullnameOverride: name,
      resources: { limits: { memory: "128Mi" }, requests: { cpu: "20m", memory: "64Mi" } },
    },
    objects: [
      serviceScrape({
        name,
        selector: chartLabels(name, name),
        port: "http",
        honorLabels: true,
      }),
    ],
  });
}
