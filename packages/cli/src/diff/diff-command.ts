import { formatCheckFinding } from "@k8s-ops/checks";
import { type LoadedCluster, loadAll, settleFolders, workingFiles } from "../clusters.js";
import { type Output, printFindings, severityLabel } from "../output.js";
import { EXIT } from "../render-command.js";
import { discoverClusters, findRepoRoot, selectClusters } from "../workspace.js";
import { baseTreeFindings } from "./base-tree.js";
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
 * Renders the working tree in memory and compares what Flux would apply with the tree committed at the base revision,
 * object by object. The base side is read from git as committed, not rendered from the revision's source: CI's
 * `render --check` makes them equal on every commit, and a committed tree that does not match its own manifest is
 * reported with a warning.
 */
export async function diffCommand(options: DiffCommandOptions, output: Output): Promise<number> {
  const repoRoot = findRepoRoot(options.cwd);
  const base = resolveBase(repoRoot, options.base);
  const packages = selectClusters(await discoverClusters(repoRoot), options.cluster, options.cwd);
  const { findings: broken } = await settleFolders(packages, output);
  if (broken.length > 0) {
    printFindings(output, broken, "nothing was compared.");
    return EXIT.findings;
  }
  const loaded = await loadAll(packages);
  const problems = loaded.flatMap((l) => l.findings);
  if (problems.length > 0) {
    printFindings(output, problems, "the working tree does not render, so there is nothing to compare.");
    return EXIT.findings;
  }
  const diffs = loaded.map((l) => diffOne(repoRoot, base, l, output));
  const lines = options.format === "markdown" ? formatMarkdown(diffs, base) : formatText(diffs);
  for (const line of lines) output.out(line);
  return EXIT.ok;
}

function diffOne(repoRoot: string, base: string, loaded: LoadedCluster, output: Output): ClusterDiff {
  const { pkg, cluster } = loaded;
  const name = cluster?.settings.name ?? pkg.id;
  const committed = readTreeAt(repoRoot, base, pkg.root);
  for (const warning of baseTreeFindings(pkg.root, base, committed))
    output.err(`${severityLabel(warning)} ${formatCheckFinding(warning)}`);
  return diffCluster(name, pkg.root, committed, workingFiles(loaded));
}
