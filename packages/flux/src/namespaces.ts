import { type Component, FLUX_SOURCE } from "@k8s-ops/core";

/**
 * The namespaces the components' apps (their Kustomizations and HelmReleases) live in, plus flux-system, sorted:
 * what the Alert must list to report on all of them.
 */
export function appNamespaces(components: readonly Component[]): string[] {
  const namespaces = components.flatMap((component) => component.apps.map((app) => app.namespace));
  return [...new Set([FLUX_SOURCE.namespace, ...namespaces])].sort();
}
