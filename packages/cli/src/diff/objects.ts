import { type FluxTree, type TreeObject, walkTree } from "@k8s-ops/checks";
import { toYaml } from "@k8s-ops/core";
import { structuredPatch } from "diff";

export type ChangeKind = "added" | "removed" | "changed";

/** One object that differs between the base and the working tree. */
export interface ObjectChange {
  readonly kind: ChangeKind;
  /** `Kind namespace/name` */
  readonly object: string;
  /** The Kustomization that applies it (on the side that has it, the working one first). */
  readonly kustomization: string;
  /** Unified diff lines of its YAML (changed objects only). */
  readonly lines: readonly string[];
}

export interface ClusterDiff {
  readonly cluster: string;
  readonly changes: readonly ObjectChange[];
  /** Kustomizations that depend on a changed one, directly or not, and did not change themselves. */
  readonly dependents: readonly string[];
}

/** Compares what Flux applies from two versions of a cluster's files, object by object. */
export function diffCluster(
  cluster: string,
  root: string,
  base: ReadonlyMap<string, string>,
  work: ReadonlyMap<string, string>,
): ClusterDiff {
  const before = walkTree(cluster, root, base);
  const after = walkTree(cluster, root, work);
  const old = byIdentity(before);
  const now = byIdentity(after);
  const changes: ObjectChange[] = [];
  for (const key of [...new Set([...old.keys(), ...now.keys()])].sort()) {
    const a = old.get(key);
    const b = now.get(key);
    if (a && b) {
      const lines = fieldDiff(a, b);
      if (lines.length > 0)
        changes.push({ kind: "changed", object: objectLabel(b), kustomization: b.owner, lines });
    } else if (b) changes.push({ kind: "added", object: objectLabel(b), kustomization: b.owner, lines: [] });
    else if (a) changes.push({ kind: "removed", object: objectLabel(a), kustomization: a.owner, lines: [] });
  }
  return { cluster, changes, dependents: dependentsOf(after, changes) };
}

/** Objects by the Kustomization that applies them and their group, kind, namespace and name. */
export function byIdentity(tree: FluxTree): Map<string, TreeObject> {
  const map = new Map<string, TreeObject>();
  for (const object of tree.objects) {
    const group = object.apiVersion.includes("/") ? object.apiVersion.split("/")[0] : "";
    map.set(`${object.owner}|${group}/${object.kind}/${object.namespace ?? ""}/${object.name}`, object);
  }
  return map;
}

/** `Kind namespace/name` */
export function objectLabel(object: TreeObject): string {
  return object.namespace
    ? `${object.kind} ${object.namespace}/${object.name}`
    : `${object.kind} ${object.name}`;
}

/** The changed lines of an object's YAML with three lines of context, hunk headers included. */
function fieldDiff(a: TreeObject, b: TreeObject): string[] {
  const before = toYaml(a.json);
  const after = toYaml(b.json);
  if (before === after) return [];
  const patch = structuredPatch("base", "working tree", before, after, undefined, undefined, { context: 3 });
  return patch.hunks.flatMap((hunk) => [
    `@@ -${hunk.oldStart},${hunk.oldLines} +${hunk.newStart},${hunk.newLines} @@`,
    ...hunk.lines,
  ]);
}

/** Kustomizations downstream of the changed ones through dependsOn: what Flux reconciles again after them. */
function dependentsOf(tree: FluxTree, changes: readonly ObjectChange[]): string[] {
  const changed = new Set(changes.map((c) => c.kustomization));
  const reverse = new Map<string, string[]>();
  for (const ks of tree.kustomizations.values()) {
    const spec = ks.json.spec as { dependsOn?: { name?: string; namespace?: string }[] } | undefined;
    for (const dep of spec?.dependsOn ?? []) {
      const target = `${dep.namespace ?? ks.namespace}/${dep.name ?? ""}`;
      reverse.set(target, [...(reverse.get(target) ?? []), ks.id]);
    }
  }
  const seen = new Set<string>();
  const stack = [...changed];
  for (let current = stack.pop(); current !== undefined; current = stack.pop()) {
    for (const next of reverse.get(current) ?? []) {
      if (seen.has(next) || changed.has(next)) continue;
      seen.add(next);
      stack.push(next);
    }
  }
  return [...seen].sort();
}
