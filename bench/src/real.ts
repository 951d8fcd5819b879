import { cp, mkdir } from "node:fs/promises";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Cluster, commitWrite, planWrite, type RenderedCluster, renderCluster } from "@k8s-ops/core";

/** The two real clusters: package name, repository-relative root, folder of the package. */
export const REAL_CLUSTERS = [
  { name: "cluster-infra", root: "clusters/infra" },
  { name: "cluster-apps", root: "clusters/apps" },
] as const;

export type RealCluster = (typeof REAL_CLUSTERS)[number];

/** URL of a cluster package's module (its `exports` is src/cluster.ts). */
export function moduleUrl(cluster: RealCluster): string {
  return import.meta.resolve(cluster.name);
}

/** The cluster package's folder on disk (…/clusters/infra). */
export function packageDir(cluster: RealCluster): string {
  return dirname(dirname(fileURLToPath(moduleUrl(cluster))));
}

/** Imports a cluster module; `run` > 0 imports a fresh copy, so its builders run again (dependencies stay loaded). */
export async function loadReal(cluster: RealCluster, run = 0): Promise<Cluster> {
  const url = run > 0 ? `${moduleUrl(cluster)}?run=${run}` : moduleUrl(cluster);
  const module = (await import(url)) as { cluster: Cluster };
  return module.cluster;
}

/** Renders and checks that nothing failed validation. */
export function renderReal(cluster: Cluster, real: RealCluster): RenderedCluster {
  const rendered = renderCluster(cluster, { root: real.root });
  if (rendered.findings.length > 0) {
    throw new Error(`${real.root}: ${rendered.findings.length} findings; run k8s-ops check`);
  }
  return rendered;
}

/** Writes a rendered cluster into `dir` the way `k8s-ops render` does, with its hand-written files copied in. */
export async function writeReal(rendered: RenderedCluster, real: RealCluster, dir: string): Promise<void> {
  await mkdir(dir, { recursive: true });
  for (const file of rendered.handWritten) {
    await mkdir(dirname(join(dir, file)), { recursive: true });
    await cp(join(packageDir(real), file), join(dir, file));
  }
  await commitWrite(await planWrite(dir, rendered));
}
