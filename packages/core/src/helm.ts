import type { App, AppOptions } from "./app.js";
import { defineApp } from "./app.js";
import type { ChartSource, ValuesReference } from "./flux.js";
import { helmRelease, ociRepository } from "./flux.js";
import type { KubeObject } from "./object.js";

export interface HelmAppOptions extends Omit<AppOptions, "objects"> {
  /** The chart, from an OCI registry, at an exact version. */
  readonly chart: ChartSource;
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

/** An app that installs one Helm chart: its OCIRepository, its HelmRelease (chartRef) and any extra objects. */
export function helmApp(options: HelmAppOptions): App {
  const { chart, values, valuesFrom, releaseName, helmTimeout, objects, ...app } = options;
  return defineApp({
    ...app,
    objects: [
      ociRepository(options.name, chart),
      helmRelease({ name: options.name, releaseName, timeout: helmTimeout, values, valuesFrom }),
      ...(objects ?? []),
    ],
  });
}
