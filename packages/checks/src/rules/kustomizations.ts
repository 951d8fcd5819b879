import type { ClusterView } from "../context.js";
import { type CheckFinding, finding } from "../finding.js";
import { isObject, type Json, str } from "../tree/documents.js";
import { type FluxKustomization, kustomizationPath, SYNC_ID } from "../tree/model.js";

/** The GitRepository flux-operator's FluxInstance creates. */
const SYNC_SOURCE = "GitRepository flux-system/flux-system";

/** §1: every Flux Kustomization has interval, an explicit boolean prune, a path and a sourceRef that resolves. */
export function kustomizationFields(cluster: ClusterView): CheckFinding[] {
  const findings: CheckFinding[] = [];
  const sources = new Set(
    cluster.tree.objects
      .filter((o) => o.apiVersion.startsWith("source.toolkit.fluxcd.io/"))
      .map((o) => `${o.kind} ${o.namespace}/${o.name}`),
  );
  sources.add(SYNC_SOURCE);
  for (const ks of cluster.tree.kustomizations.values()) {
    if (ks.id === SYNC_ID) continue;
    const spec = isObject(ks.json.spec) ? ks.json.spec : {};
    findings.push(...missingFields(cluster.name, ks, spec));
    const ref = isObject(spec.sourceRef) ? spec.sourceRef : undefined;
    if (!ref) continue;
    const key = `${str(ref.kind)} ${str(ref.namespace) ?? ks.namespace}/${str(ref.name)}`;
    if (!sources.has(key)) {
      findings.push(
        finding(
          "SOURCE_UNRESOLVED",
          kustomizationPath(cluster.name, ks, "spec.sourceRef"),
          "sourceRef names no source of this cluster",
          {
            expected: `${SYNC_SOURCE} or a source rendered in the cluster`,
            found: key,
          },
        ),
      );
    }
  }
  return findings;
}

function missingFields(cluster: string, ks: FluxKustomization, spec: Json): CheckFinding[] {
  const problems: [string, boolean, string][] = [
    ["spec.interval", typeof spec.interval === "string", "a duration such as 1h"],
    ["spec.prune", typeof spec.prune === "boolean", "true or false, written out"],
    ["spec.path", typeof spec.path === "string", "./<cluster folder>/…"],
    ["spec.sourceRef", isObject(spec.sourceRef), "{ kind, name }"],
  ];
  return problems
    .filter(([, ok]) => !ok)
    .map(([field, , expected]) =>
      finding("FLUX_FIELD", kustomizationPath(cluster, ks, field), "a Flux Kustomization field is missing", {
        expected,
        found: "nothing",
      }),
    );
}

/** §5: every dependsOn names a Kustomization of the cluster; the graph is acyclic. */
export function dependsOnGraph(cluster: ClusterView): CheckFinding[] {
  const edges = new Map<string, string[]>();
  const findings: CheckFinding[] = [];
  for (const ks of cluster.tree.kustomizations.values()) {
    const targets = dependsOn(ks);
    edges.set(ks.id, targets);
    for (const target of targets.filter((t) => !cluster.tree.kustomizations.has(t))) {
      findings.push(
        finding(
          "DEPENDS_ON_MISSING",
          kustomizationPath(cluster.name, ks, "spec.dependsOn"),
          `depends on ${target}, which the cluster does not render`,
          {
            expected: "a Kustomization of this cluster",
            found: target,
          },
        ),
      );
    }
  }
  return [...findings, ...cycles(cluster.name, edges)];
}

export function dependsOn(ks: FluxKustomization): string[] {
  const spec = isObject(ks.json.spec) ? ks.json.spec : {};
  const list = Array.isArray(spec.dependsOn) ? spec.dependsOn.filter(isObject) : [];
  return list.map((d) => `${str(d.namespace) ?? ks.namespace}/${str(d.name) ?? ""}`);
}

/** Reports each cycle once, from its first member in sorted order, as core does. */
function cycles(cluster: string, edges: ReadonlyMap<string, readonly string[]>): CheckFinding[] {
  const state = new Map<string, "visiting" | "done">();
  const findings: CheckFinding[] = [];
  const visit = (key: string, stack: string[]): void => {
    if (state.get(key) === "done") return;
    if (state.get(key) === "visiting") {
      const cycle = [...stack.slice(stack.indexOf(key)), key];
      findings.push(
        finding("DEPENDS_ON_CYCLE", `${cluster} › ${key}`, `dependsOn forms a cycle: ${cycle.join(" → ")}`, {
          expected: "an acyclic dependency graph",
          found: `a cycle of ${cycle.length - 1} apps`,
        }),
      );
      return;
    }
    state.set(key, "visiting");
    for (const next of edges.get(key) ?? []) if (edges.has(next)) visit(next, [...stack, key]);
    state.set(key, "done");
  };
  for (const key of [...edges.keys()].sort()) visit(key, []);
  return findings;
}

/** Every Kustomization the given one depends on, directly or not. */
export function ancestors(cluster: ClusterView, id: string): Set<string> {
  const seen = new Set<string>();
  const stack = [id];
  for (let current = stack.pop(); current !== undefined; current = stack.pop()) {
    const ks = cluster.tree.kustomizations.get(current);
    for (const dep of ks ? dependsOn(ks) : []) {
      if (!seen.has(dep)) {
        seen.add(dep);
        stack.push(dep);
      }
    }
  }
  return seen;
}
