import {
  type ChartSource,
  type Component,
  helmApp,
  OptionError,
  POD_MONITOR,
  packageOf,
} from "@k8s-ops/core";
import { type ReloaderOptions, type ResolvedReloaderOptions, resolveOptions } from "./options.js";

/** Named on every object this package renders into a cluster. */
const SOURCE = packageOf(import.meta.url);

export const RELOADER_CHART: ChartSource = {
  url: "oci://ghcr.io/stakater/charts/reloader",
  // renovate: datasource=docker depName=ghcr.io/stakater/charts/reloader
  tag: "2.2.16",
};

/**
 * The annotation a workload carries to be rolled when any ConfigMap or Secret it mounts or reads changes; put it on
 * a Deployment, StatefulSet or DaemonSet (or in app-template's `controllers.<name>.annotations`).
 */
export const RELOADER_AUTO_ANNOTATION = { "reloader.stakater.com/auto": "true" } as const;

export interface Reloader extends Component {
  /** The annotation that opts a workload in. */
  readonly autoAnnotation: typeof RELOADER_AUTO_ANNOTATION;
}

/** Reloader: rolls workloads whose ConfigMaps or Secrets changed, for the workloads that opt in. */
export function reloader(options: ReloaderOptions = {}): Reloader {
  const o = resolveOptions(options);
  if (!Number.isInteger(o.replicas) || o.replicas < 1) {
    throw new OptionError({
      path: "reloader: replicas",
      message: "Reloader needs at least one replica",
      expected: "an integer ≥ 1",
      found: String(o.replicas),
    });
  }
  const app = helmApp({
    name: "reloader",
    namespace: o.namespace,
    layer: "controllers",
    chart: RELOADER_CHART,
    values: reloaderValues(o),
    chartKinds: o.podMonitor ? [POD_MONITOR] : [],
  });
  return { name: "reloader", source: SOURCE, apps: [app], autoAnnotation: RELOADER_AUTO_ANNOTATION };
}

function reloaderValues(o: ResolvedReloaderOptions): Record<string, unknown> {
  return {
    fullnameOverride: "reloader",
    reloader: {
      deployment: { replicas: o.replicas },
      enableHA: o.replicas > 1,
      podMonitor: { enabled: o.podMonitor },
      readOnlyRootFileSystem: true,
    },
  };
}
