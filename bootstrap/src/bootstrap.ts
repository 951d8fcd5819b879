import { type App, type ClusterFile, type Component, OptionError } from "@k8s-ops/core";
import { type HelmfileRelease, releaseOf } from "./release.js";

/** The apps a bare cluster needs before Flux can run, in the order they come up. */
export const BOOTSTRAP_ORDER = [
  "cilium",
  "coredns",
  "spegel",
  "cert-manager",
  "external-secrets",
  "flux-operator",
  "flux-instance",
] as const;

export const HELMFILE_SCHEMA = "https://json.schemastore.org/helmfile.json";
const DIR = "bootstrap/helmfile.d";

/** Releases of the named apps, each needing the one before it, and whether each app installs CRDs. */
export function bootstrapReleases(
  components: readonly Component[],
  order: readonly string[] = BOOTSTRAP_ORDER,
): HelmfileRelease[] {
  const apps = components.flatMap((component) => component.apps);
  const releases = order.map((name) => releaseOf(findApp(apps, name)));
  return releases.map((release, index) => {
    const previous = releases[index - 1];
    return previous ? { ...release, needs: [`${previous.namespace}/${previous.name}`] } : release;
  });
}

function findApp(apps: readonly App[], name: string): App {
  const app = apps.find((candidate) => candidate.name === name);
  if (app) return app;
  throw new OptionError({
    path: `bootstrap: ${name}`,
    message: "the cluster has no app of that name to bootstrap",
    expected: `one of ${apps.map((candidate) => candidate.name).join(", ")}`,
    found: name,
  });
}

/**
 * `00-crds.yaml`: the CRDs of the bootstrapped charts whose apps install CRDs, rendered and filtered to
 * CustomResourceDefinitions, to apply server-side first; `01-apps.yaml`: the releases, each waiting on the one
 * before it.
 */
export function bootstrapFiles(
  components: readonly Component[],
  order: readonly string[] = BOOTSTRAP_ORDER,
): ClusterFile[] {
  const releases = bootstrapReleases(components, order);
  const apps = components.flatMap((component) => component.apps);
  const withCrds = new Set(apps.filter((app) => app.crds.length > 0).map((app) => app.name));
  const crds = {
    helmDefaults: {
      args: ["--include-crds", "--no-hooks"],
      postRenderer: "bash",
      postRendererArgs: ["-c", "yq eval-all 'select(.kind == \"CustomResourceDefinition\")'"],
    },
    releases: releases
      .filter((_release, index) => withCrds.has(order[index] ?? ""))
      .map(({ needs: _needs, ...release }) => release),
  };
  const steps = {
    helmDefaults: { cleanupOnFail: true, timeout: 600, wait: true, waitForJobs: true },
    releases,
  };
  return [
    { path: `${DIR}/00-crds.yaml`, documents: [crds], schema: HELMFILE_SCHEMA },
    { path: `${DIR}/01-apps.yaml`, documents: [steps], schema: HELMFILE_SCHEMA },
  ];
}

/** What to run, after the Talos nodes are up, to hand the cluster to Flux. */
export function bootstrapCommands(clusterRoot: string): string[] {
  const dir = `${clusterRoot}/${DIR}`;
  return [
    `helmfile --file ${dir}/00-crds.yaml template --quiet | kubectl apply --server-side --filename -`,
    `helmfile --file ${dir}/01-apps.yaml sync --hide-notes`,
  ];
}
