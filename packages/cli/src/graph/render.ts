import { LAYERS } from "@k8s-ops/core";
import type { DependencyGraph, GraphNode } from "./model.js";

const RED = "#d00000";

function ids(graph: DependencyGraph): Map<string, string> {
  return new Map(graph.nodes.map((node, i) => [node.id, `n${i}`]));
}

function byLayer(graph: DependencyGraph): [string, GraphNode[]][] {
  const groups: [string, GraphNode[]][] = LAYERS.map((layer) => [
    layer,
    graph.nodes.filter((n) => n.layer === layer),
  ]);
  groups.push(["missing", graph.nodes.filter((n) => n.layer === undefined)]);
  return groups.filter(([, nodes]) => nodes.length > 0);
}

/** Mermaid flowchart: a subgraph per layer, arrows from a dependency to its dependents, problems in red. */
export function toMermaid(graph: DependencyGraph): string {
  const id = ids(graph);
  const lines = [
    "flowchart LR",
    `  %% ${graph.cluster}: arrows go from a dependency to the apps that depend on it`,
  ];
  for (const [layer, nodes] of byLayer(graph)) {
    lines.push(`  subgraph ${layer}["${layer}"]`);
    for (const node of nodes) lines.push(`    ${id.get(node.id)}["${node.label}"]`);
    lines.push("  end");
  }
  const red: number[] = [];
  for (const [i, edge] of graph.edges.entries()) {
    const arrow = edge.problem === "missing" ? "-.->" : "-->";
    const label = edge.problem ? `|${edge.problem}|` : "";
    lines.push(`  ${id.get(edge.from)} ${arrow}${label} ${id.get(edge.to)}`);
    if (edge.problem) red.push(i);
  }
  const missing = graph.nodes.filter((n) => n.layer === undefined).map((n) => id.get(n.id));
  if (missing.length > 0)
    lines.push(
      `  classDef missing stroke:${RED},color:${RED},stroke-dasharray:4`,
      `  class ${missing.join(",")} missing`,
    );
  if (red.length > 0) lines.push(`  linkStyle ${red.join(",")} stroke:${RED},stroke-width:2px,color:${RED}`);
  return `${lines.join("\n")}\n`;
}

function quote(text: string): string {
  return `"${text.replaceAll("\\", "\\\\").replaceAll('"', '\\"')}"`;
}

/** Graphviz DOT: a cluster subgraph per layer, problems in red. */
export function toDot(graph: DependencyGraph): string {
  const id = ids(graph);
  const lines = [
    `digraph ${quote(graph.cluster)} {`,
    "  rankdir=LR;",
    '  node [shape=box, style=rounded, fontname="Helvetica"];',
    '  edge [fontname="Helvetica", fontsize=10];',
  ];
  for (const [layer, nodes] of byLayer(graph)) {
    lines.push(`  subgraph ${quote(`cluster_${layer}`)} {`, `    label=${quote(layer)};`);
    for (const node of nodes) {
      const style =
        node.layer === undefined
          ? `, color=${quote(RED)}, fontcolor=${quote(RED)}, style="rounded,dashed"`
          : "";
      lines.push(`    ${id.get(node.id)} [label=${quote(node.label)}${style}];`);
    }
    lines.push("  }");
  }
  for (const edge of graph.edges) {
    const style = edge.problem
      ? ` [color=${quote(RED)}, fontcolor=${quote(RED)}, penwidth=2, label=${quote(edge.problem)}${edge.problem === "missing" ? ", style=dashed" : ""}]`
      : "";
    lines.push(`  ${id.get(edge.from)} -> ${id.get(edge.to)}${style};`);
  }
  lines.push("}");
  return `${lines.join("\n")}\n`;
}

/** SVG, laid out by Graphviz compiled to WebAssembly (@viz-js/viz): no network, no binary needed. */
export async function toSvg(graph: DependencyGraph): Promise<string> {
  const { instance } = await import("@viz-js/viz");
  const viz = await instance();
  return viz.renderString(toDot(graph), { format: "svg" });
}
