import type { App, AppOptions } from "./app.js";
import { defineApp } from "./app.js";
import type { AnyChartSource, ValuesReference } from "./flux.js";
import { chartSource, helmRelease } from "./flux.js";
import type { KubeObject } from "./object.js";

export interface HelmAppOptions extends Omit<AppOptions, "objects"> {
  /** The chart at an exact version: from an OCI registry, or else from an HTTPS Helm repository. */
  readonly chart: AnyChartSource;
  /** Inline Helm values. @default {} */
  readonly values?: Record<string, unknown>;
  /** Helm release name. @default the app name (the HelmRelease sets no targetNamespace) */
  readonly releaseName?: string;
  /** How long Helm may take. @default Flux's default (5m) */
  readonly helmTimeout?: string;
  /** Values from ConfigMaps or Secrets in the app's namespace (e.g. an ExternalSecret's target). @default [] */
  readonly valuesFrom?: readonly ValuesReference[];
  /** Objects deployed beside the HelmRelease (ExternalSecrets, routes, …). @default [] */
  readonly objects?: readonly KubeObject[];
}

/**
 * An app that installs one Helm chart: its source (an OCIRepository, or a HelmRepository and HelmChart), its
 * HelmRelease (chartRef) and any extra objects.
 */
export function helmApp(options: HelmAppOptions): App {
  const { chart, values, valuesFrom, releaseName, helmTimeout, objects, ...app } = options;
  const source = chartSource(options.name, chart);
  return defineApp({
    ...app,
    objects: [
      ...source.objects,
      helmRelease({
        chartRefKind: source.kind,
        name: options.name,
        releaseName,
        timeout: helmTimeout,
        values,
        valuesFrom,
      }),
      ...(objects ?? []),
    ],
  });
}
