import type { ClusterDiff, ObjectChange } from "./objects.js";

const SIGN = { added: "+", removed: "-", changed: "~" } as const;

/** One line: how many objects change where, what reconciles after them, what Helm installs, upgrades, uninstalls. */
export function blastRadius(diff: ClusterDiff): string {
  if (diff.changes.length === 0) return `${diff.cluster}: no changes`;
  const count = (kind: ObjectChange["kind"]) => diff.changes.filter((c) => c.kind === kind).length;
  const kustomizations = [...new Set(diff.changes.map((c) => c.kustomization))].sort();
  const releases = (kind: ObjectChange["kind"]) =>
    diff.changes
      .filter((c) => c.kind === kind && c.object.startsWith("HelmRelease "))
      .map((c) => c.object.slice("HelmRelease ".length));
  const parts = [
    `${diff.cluster}: ${diff.changes.length} object${diff.changes.length === 1 ? "" : "s"} (+${count("added")} ~${count("changed")} -${count("removed")}) in ${kustomizations.length} Kustomization${kustomizations.length === 1 ? "" : "s"} (${kustomizations.join(", ")})`,
    diff.dependents.length > 0
      ? `${diff.dependents.length} more reconcile after them (${diff.dependents.join(", ")})`
      : "nothing depends on them",
  ];
  for (const [kind, verb] of [
    ["added", "installs"],
    ["changed", "upgrades"],
    ["removed", "uninstalls"],
  ] as const) {
    if (releases(kind).length > 0) parts.push(`Helm ${verb} ${releases(kind).join(", ")}`);
  }
  return parts.join("; ");
}

function grouped(diff: ClusterDiff): [string, ObjectChange[]][] {
  const groups = new Map<string, ObjectChange[]>();
  for (const change of diff.changes)
    groups.set(change.kustomization, [...(groups.get(change.kustomization) ?? []), change]);
  return [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

/** cluster → Kustomization → object, with the YAML diff of each changed object, then the blast radius. */
export function formatText(diffs: readonly ClusterDiff[]): string[] {
  const lines: string[] = [];
  for (const diff of diffs) {
    lines.push(diff.cluster);
    if (diff.changes.length === 0) lines.push("  no changes");
    for (const [ks, changes] of grouped(diff)) {
      lines.push(`  ${ks}`);
      for (const change of changes) {
        lines.push(`    ${SIGN[change.kind]} ${change.object}`);
        for (const line of change.lines) lines.push(`        ${line}`);
      }
    }
  }
  for (const diff of diffs) lines.push(`blast radius ${blastRadius(diff)}`);
  return lines;
}

/** The same for a pull-request comment. */
export function formatMarkdown(diffs: readonly ClusterDiff[], base: string): string[] {
  const lines = [`## k8s-ops diff against \`${base}\``, ""];
  for (const diff of diffs) {
    lines.push(`### \`${diff.cluster}\``, "", `**Blast radius:** ${blastRadius(diff)}`, "");
    for (const [ks, changes] of grouped(diff)) {
      lines.push(`#### Kustomization \`${ks}\``, "");
      for (const change of changes) {
        lines.push(`- ${change.kind} \`${change.object}\``);
        if (change.lines.length > 0)
          lines.push("", "  ```diff", ...change.lines.map((l) => `  ${l}`), "  ```", "");
      }
      lines.push("");
    }
  }
  return lines.filter((line, i) => line !== "" || lines[i - 1] !== "");
}
