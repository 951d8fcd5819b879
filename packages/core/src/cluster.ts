import type { App, Component } from "./app.js";
import type { ClusterSettings } from "./settings.js";
import { defineSettings } from "./settings.js";

export interface ClusterOptions {
  readonly settings: ClusterSettings;
  /** The components that run on the cluster, in the order the inventory lists them. */
  readonly components: readonly Component[];
}

/** A cluster: its settings and the components it runs. Rendering turns it into the tree Flux reconciles. */
export interface Cluster {
  readonly settings: ClusterSettings;
  readonly components: readonly Component[];
}

/** Checks the settings (throws with every problem) and returns the cluster. */
export function defineCluster(options: ClusterOptions): Cluster {
  return { settings: defineSettings(options.settings), components: options.components };
}

export function clusterApps(cluster: Cluster): App[] {
  return cluster.components.flatMap((component) => component.apps);
}
