import type { App, Component } from "./app.js";
import type { ClusterSettings } from "./settings.js";
import { defineSettings } from "./settings.js";

/**
 * A YAML file rendered beside the Flux tree (Talos machine configuration, bootstrap helmfiles): written, owned and
 * pruned like every generated file.
 */
export interface ClusterFile {
  /** Path relative to the cluster folder, outside `flux/`, `apps/` and `components/`, e.g. `talos/nodes/infra-1.yaml`. */
  readonly path: string;
  /** The YAML documents of the file, as JSON values. */
  readonly documents: readonly unknown[];
  /** A JSON schema URL for editors (`yaml-language-server` modeline). @default none */
  readonly schema?: string;
}

export interface ClusterOptions {
  readonly settings: ClusterSettings;
  /** The components that run on the cluster, in the order the inventory lists them. */
  readonly components: readonly Component[];
  /** Files rendered beside the Flux tree. @default [] */
  readonly files?: readonly ClusterFile[];
  /**
   * Kinds served before Flux starts, so no app installs them: by the platform (Talos' `talos.dev/*`) or by the
   * bootstrap, as `group/Kind` or `group/*`. @default []
   */
  readonly served?: readonly string[];
}

/** A cluster: its settings and the components it runs. Rendering turns it into the tree Flux reconciles. */
export interface Cluster {
  readonly settings: ClusterSettings;
  readonly components: readonly Component[];
  readonly files?: readonly ClusterFile[];
  readonly served?: readonly string[];
}

/** Checks the settings (throws with every problem) and returns the cluster. */
export function defineCluster(options: ClusterOptions): Cluster {
  return {
    settings: defineSettings(options.settings),
    components: options.components,
    files: options.files ?? [],
    served: options.served ?? [],
  };
}

export function clusterApps(cluster: Cluster): App[] {
  return cluster.components.flatMap((component) => component.apps);
}
