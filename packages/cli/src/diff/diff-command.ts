import { type LoadedCluster, loadAll, workingFiles } from "../clusters.js";
import { type Output, printFindings } from "../output.js";
import { EXIT } from "../render-command.js";
import { discoverClusters, findRepoRoot, selectClusters } from "../workspace.js";
import { formatMarkdown, formatText } from "./format.js";
import { readTreeAt, resolveBase } from "./git.js";
import { type ClusterDiff, diffCluster } from "./objects.js";

export interface DiffCommandOptions {
  readonly base?: string;
  readonly cluster?: string;
  readonly format: "text" | "markdown";
  readonly cwd: string;
}

/**
 * Renders the working tree in memory and compares what Flux would apply with the committed tree at the base
 * revision (read from git: every commit's tree equals a fresh render of it), object by object.
 */
export async function diffCommand(options: DiffCommandOptions, output: Output): Promise<number> {
  const repoRoot = findRepoRoot(options.cwd);
  const base = resolveBase(repoRoot, options.base);
  const packages = selectClusters(await discoverClusters(repoRoot), options.cluster, options.cwd);
  const loaded = await loadAll(packages);
  const problems = loaded.flatMap((l) => l.findings);
  if (problems.length > 0) {
    printFindings(output, problems, "the working tree does not render, so there is nothing to compare.");
    return EXIT.findings;
  }
  const diffs = loaded.map((l) => diffOne(repoRoot, base, l));
  const lines = options.format === "markdown" ? formatMarkdown(diffs, base) : formatText(diffs);
  for (const line of lines) output.out(line);
  return EXIT.ok;
}

function diffOne(repoRoot: string, base: string, loaded: LoadedCluster): ClusterDiff {
  const { pkg, cluster } = loaded;
  const name = cluster?.settings.name ?? pkg.id;
  return diffCluster(name, pkg.root, readTreeAt(repoRoot, base, pkg.root), workingFiles(loaded));
}
