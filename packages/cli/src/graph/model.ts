import { isBuiltIn } from "@k8s-ops/checks";
import {
  type App,
  appKey,
  type Cluster,
  clusterApps,
  LAYERS,
  type Layer,
  layerIndex,
  resolveDependencies,
} from "@k8s-ops/core";

export type Problem = "cycle" | "layer" | "missing";

export interface GraphNode {
  readonly id: string;
  readonly label: string;
  /** undefined for a target the cluster does not have. */
  readonly layer?: Layer;
}

/** From a dependency to the app that depends on it: the order Flux brings them up. */
export interface GraphEdge {
  readonly from: string;
  readonly to: string;
  readonly problem?: Problem;
}

export interface DependencyGraph {
  readonly cluster: string;
  readonly nodes: readonly GraphNode[];
  readonly edges: readonly GraphEdge[];
}

/** The graph of a cluster's apps from core's resolveDependencies: drawn even when it is broken. */
export function buildGraph(cluster: Cluster): DependencyGraph {
  const apps = clusterApps(cluster);
  const served = cluster.served ?? [];
  const resolved = resolveDependencies(cluster.settings.name, apps, served);
  const byKey = new Map(apps.map((app) => [appKey(app), app]));
  const nodes = new Map<string, GraphNode>(
    apps.map((app) => [appKey(app), { id: appKey(app), label: appKey(app), layer: app.layer }]),
  );
  const edges: GraphEdge[] = [];
  const dependsOn = new Map(resolved.apps.map(({ app, dependsOn: deps }) => [appKey(app), deps.map(appKey)]));
  for (const [to, deps] of dependsOn) {
    for (const from of deps) {
      const problem = reaches(dependsOn, from, to)
        ? "cycle"
        : laterLayer(byKey.get(from), byKey.get(to))
          ? "layer"
          : undefined;
      edges.push({ from, to, ...(problem ? { problem } : {}) });
    }
  }
  for (const app of apps)
    for (const missing of missingTargets(app, byKey, apps, cluster.settings.name, served)) {
      nodes.set(missing.id, missing);
      edges.push({ from: missing.id, to: appKey(app), problem: "missing" });
    }
  const ordered = [...nodes.values()].sort((a, b) => order(a) - order(b) || (a.id < b.id ? -1 : 1));
  return { cluster: cluster.settings.name, nodes: ordered, edges };
}

function order(node: GraphNode): number {
  return node.layer === undefined ? LAYERS.length : layerIndex(node.layer);
}

/** Whether `to` can be reached from `from` by following dependsOn: then the edge from → to closes a cycle. */
function reaches(dependsOn: ReadonlyMap<string, readonly string[]>, from: string, to: string): boolean {
  const seen = new Set<string>();
  const stack = [from];
  for (let current = stack.pop(); current !== undefined; current = stack.pop()) {
    if (current === to) return true;
    if (seen.has(current)) continue;
    seen.add(current);
    stack.push(...(dependsOn.get(current) ?? []));
  }
  return false;
}

function laterLayer(dependency: App | undefined, dependent: App | undefined): boolean {
  return (
    dependency !== undefined &&
    dependent !== undefined &&
    layerIndex(dependency.layer) > layerIndex(dependent.layer)
  );
}

/** References to apps the cluster does not run, and CRD kinds no app installs. */
function missingTargets(
  app: App,
  byKey: ReadonlyMap<string, App>,
  apps: readonly App[],
  cluster: string,
  served: readonly string[],
): GraphNode[] {
  const missing: GraphNode[] = [];
  for (const ref of app.uses) {
    const elsewhere = ref.provider.cluster !== undefined && ref.provider.cluster !== cluster;
    if (!elsewhere && byKey.has(appKey(ref.provider))) continue;
    const where = elsewhere ? ` in ${ref.provider.cluster}` : "";
    missing.push({
      id: `missing:${appKey(ref.provider)}${where}`,
      label: `${appKey(ref.provider)}${where} (missing)`,
    });
  }
  for (const object of app.objects) {
    if (isBuiltIn(object.apiVersion)) continue;
    const group = object.apiVersion.split("/")[0] ?? "";
    const provided = (crds: readonly string[]) =>
      crds.includes(`${group}/*`) || crds.includes(`${group}/${object.kind}`);
    if (provided(served) || apps.some((a) => provided(a.crds))) continue;
    missing.push({
      id: `crd:${group}/${object.kind}`,
      label: `CRD ${group}/${object.kind} (no app installs it)`,
    });
  }
  return missing;
}
