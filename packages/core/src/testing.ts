import type { Component } from "./app.js";
import type { Cluster } from "./cluster.js";
import { compareText } from "./compare.js";
import type { RenderedCluster } from "./render.js";
import { renderCluster } from "./render.js";
import type { ClusterSettings } from "./settings.js";

/** Settings of a small cluster for tests: valid, and the same in every test. */
export function testSettings(overrides: Partial<ClusterSettings> = {}): ClusterSettings {
  return {
    name: "test",
    id: 9,
    network: {
      nodeCidr: "192.168.0.0/24",
      podCidr: "10.100.0.0/16",
      serviceCidr: "10.101.0.0/16",
      loadBalancerCidr: "192.168.0.128/27",
    },
    nodes: [{ name: "node-1", address: "192.168.0.11" }],
    kubernetesVersion: "v1.35.0",
    talosVersion: "v1.13.9",
    ...overrides,
  };
}

/**
 * Renders components into a throwaway cluster in memory: no settings check, nothing written. `served` are the kinds
 * the cluster serves before Flux (see `ClusterOptions.served`).
 */
export function renderComponents(
  components: readonly Component[],
  settings = testSettings(),
  served: readonly string[] = [],
): RenderedCluster {
  const cluster: Cluster = { settings, components, served };
  return renderCluster(cluster, { root: `clusters/${settings.name}`, provenance: false });
}

/**
 * The YAML of a component's own files (its ks.yaml and app folders) as one string, for a reviewer-readable
 * snapshot. `alongside` are rendered too (what the component references: a secret store, a gateway) but not
 * printed. Throws with every finding if the cluster does not validate.
 */
export function componentYaml(
  component: Component,
  settings = testSettings(),
  alongside: readonly Component[] = [],
  served: readonly string[] = [],
): string {
  const rendered = renderComponents([...alongside, component], settings, served);
  if (rendered.findings.length > 0) {
    throw new Error(rendered.findings.map((f) => `${f.code} ${f.path}: ${f.message}`).join("\n"));
  }
  const folders = component.apps.map((app) => `apps/${app.namespace}/${app.folder}/`);
  return [...rendered.files]
    .filter(([path]) => folders.some((folder) => path.startsWith(folder)))
    .sort(([a], [b]) => compareText(a, b))
    .map(([path, content]) => `# ---- ${path}\n${content}`)
    .join("\n");
}
