import { existsSync } from "node:fs";
import { readdir } from "node:fs/promises";
import { dirname, join, relative, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { type Cluster, compareText } from "@k8s-ops/core";

/** The module of a cluster package that exports its `cluster`. */
export const CLUSTER_MODULE = "src/cluster.ts";

/** A cluster package of the workspace. */
export interface ClusterPackage {
  /** Folder name under clusters/, e.g. `apps`. */
  readonly id: string;
  readonly dir: string;
  /** Path relative to the repository root, with forward slashes: where Flux finds it. */
  readonly root: string;
}

export class UsageError extends Error {
  override name = "UsageError";
}

/** The repository root: the nearest folder up from `start` with a pnpm-workspace.yaml. */
export function findRepoRoot(start: string): string {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    if (dirname(dir) === dir)
      throw new UsageError(`no pnpm-workspace.yaml in ${start} or any folder above it`);
  }
}

export async function discoverClusters(repoRoot: string): Promise<ClusterPackage[]> {
  const clustersDir = join(repoRoot, "clusters");
  const entries = existsSync(clustersDir) ? await readdir(clustersDir, { withFileTypes: true }) : [];
  return entries
    .filter((entry) => entry.isDirectory() && existsSync(join(clustersDir, entry.name, CLUSTER_MODULE)))
    .map((entry) => ({
      id: entry.name,
      dir: join(clustersDir, entry.name),
      root: relative(repoRoot, join(clustersDir, entry.name)).split("\\").join("/"),
    }))
    .sort((a, b) => compareText(a.id, b.id));
}

/** The clusters a command acts on: the one named, the one whose folder we are in, or all of them. */
export function selectClusters(
  all: readonly ClusterPackage[],
  name: string | undefined,
  cwd: string,
): ClusterPackage[] {
  if (name !== undefined) {
    const match = all.filter((pkg) => pkg.id === name);
    if (match.length === 0) {
      throw new UsageError(
        `no cluster '${name}': expected one of ${all.map((pkg) => pkg.id).join(", ") || "(none)"}`,
      );
    }
    return match;
  }
  const here = all.filter((pkg) => resolve(cwd) === pkg.dir || resolve(cwd).startsWith(`${pkg.dir}/`));
  return here.length > 0 ? here : [...all];
}

/** Imports a cluster package's module (Node runs its TypeScript directly) and returns its `cluster` export. */
export async function loadCluster(pkg: ClusterPackage): Promise<Cluster> {
  const module = (await import(pathToFileURL(join(pkg.dir, CLUSTER_MODULE)).href)) as { cluster?: Cluster };
  if (!module.cluster?.settings) {
    throw new UsageError(`${pkg.root}/${CLUSTER_MODULE} does not export a 'cluster' made by defineCluster()`);
  }
  return module.cluster;
}
