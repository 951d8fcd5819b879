import type { App, AppOptions } from "./app.js";
import { defineApp } from "./app.js";
import type { ChartSource } from "./flux.js";
import { helmRelease, ociRepository } from "./flux.js";
import type { KubeObject } from "./object.js";

export interface HelmAppOptions extends Omit<AppOptions, "objects"> {
  /** The chart, from an OCI registry, at an exact version. */
  readonly chart: ChartSource;
  /** Inline Helm values. @default {} */
  readonly values?: Record<string, unknown>;
  /** Helm release name. @default Flux's `<targetNamespace>-<name>` */
  readonly releaseName?: string;
  /** How long Helm may take. @default Flux's default (5m) */
  readonly helmTimeout?: string;
  /** Objects deployed beside the HelmRelease (ExternalSecrets, routes, …). @default [] */
  readonly objects?: readonly KubeObject[];
}

/** An app that installs one Helm chart: its OCIRepository, its HelmRelease (chartRef) and any extra objects. */
export function helmApp(options: HelmAppOptions): App {
  const { chart, values, releaseName, helmTimeout, objects, ...app } = options;
  return defineApp({
    ...app,
    objects: [
      ociRepository(options.name, chart),
      helmRelease({ name: options.name, releaseName, timeout: helmTimeout, values }),
      ...(objects ?? []),
    ],
  });
}
