import { type LoadedCluster, loadForComparison, workingFiles } from "../clusters.js";
import type { Output } from "../output.js";
import { EXIT } from "../render-command.js";
import { discoverClusters, findRepoRoot, selectClusters } from "../workspace.js";
import { committedTree } from "./base-tree.js";
import { formatMarkdown, formatText } from "./format.js";
import { resolveBase } from "./git.js";
import { type ClusterDiff, diffCluster } from "./objects.js";

export interface DiffCommandOptions {
  readonly base?: string;
  readonly cluster?: string;
  readonly format: "text" | "markdown";
  readonly cwd: string;
}

/**
 * Renders the working tree in memory and compares what Flux would apply with the tree committed at the base revision,
 * object by object. The base side is read from git as committed, not rendered from the revision's source: CI's
 * `render --check` makes them equal on every commit, and a committed tree that does not match its own manifest is
 * reported with a warning.
 */
export async function diffCommand(options: DiffCommandOptions, output: Output): Promise<number> {
  const repoRoot = findRepoRoot(options.cwd);
  const base = resolveBase(repoRoot, options.base);
  const packages = selectClusters(await discoverClusters(repoRoot), options.cluster, options.cwd);
  const loaded = await loadForComparison(packages, output);
  if (!loaded) return EXIT.findings;
  const diffs = loaded.map((l) => diffOne(repoRoot, base, l, output));
  const lines = options.format === "markdown" ? formatMarkdown(diffs, base) : formatText(diffs);
  for (const line of lines) output.out(line);
  return EXIT.ok;
}

function diffOne(repoRoot: string, base: string, loaded: LoadedCluster, output: Output): ClusterDiff {
  const { pkg, cluster } = loaded;
  const name = cluster?.settings.name ?? pkg.id;
  return diffCluster(name, pkg.root, committedTree(repoRoot, base, pkg.root, output), workingFiles(loaded));
}
