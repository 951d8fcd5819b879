import { loadAll, settleFolders } from "../clusters.js";
import { type Output, printFindings } from "../output.js";
import { EXIT } from "../render-command.js";
import {
  type ClusterPackage,
  discoverClusters,
  findRepoRoot,
  selectClusters,
  UsageError,
} from "../workspace.js";
import { buildGraph } from "./model.js";
import { toDot, toMermaid, toSvg } from "./render.js";

export interface GraphCommandOptions {
  readonly cluster?: string;
  readonly format: "mermaid" | "dot" | "svg";
  readonly cwd: string;
}

/** Prints a cluster's Flux dependency graph as Mermaid, DOT or SVG; a broken graph is drawn, its problems in red. */
export async function graphCommand(options: GraphCommandOptions, output: Output): Promise<number> {
  const repoRoot = findRepoRoot(options.cwd);
  const pkg = oneCluster(selectClusters(await discoverClusters(repoRoot), options.cluster, options.cwd));
  const { findings: broken } = await settleFolders([pkg], output);
  if (broken.length > 0) {
    printFindings(output, broken, "nothing to draw.");
    return EXIT.findings;
  }
  const [loaded] = await loadAll([pkg]);
  if (!loaded?.cluster) {
    printFindings(output, loaded?.findings ?? [], "nothing to draw.");
    return EXIT.findings;
  }
  const graph = buildGraph(loaded.cluster);
  const text =
    options.format === "svg"
      ? await toSvg(graph)
      : options.format === "dot"
        ? toDot(graph)
        : toMermaid(graph);
  output.out(text.trimEnd());
  const problems = graph.edges.filter((e) => e.problem).length;
  if (problems > 0)
    output.err(`${problems} problem${problems === 1 ? "" : "s"} drawn in red; k8s-ops check lists them`);
  return EXIT.ok;
}

function oneCluster(selected: readonly ClusterPackage[]): ClusterPackage {
  const [first, ...rest] = selected;
  if (first && rest.length === 0) return first;
  if (!first) throw new UsageError("no cluster package in this repository");
  throw new UsageError(
    `several clusters: choose one with --cluster (${selected.map((p) => p.id).join(", ")})`,
  );
}
