import type { App } from "./app.js";
import { compareText } from "./compare.js";
import { crdKey, crdProviders, isBuiltInGroup } from "./crds.js";
import type { Finding } from "./errors.js";
import { layerIndex } from "./layers.js";
import { apiGroup } from "./object.js";
import { appPath } from "./paths.js";
import type { AppId } from "./refs.js";
import { appKey, describeReference } from "./refs.js";

/** An app with the dependencies derived for it. */
export interface ResolvedApp {
  readonly app: App;
  readonly dependsOn: readonly AppId[];
}

export interface AppGraph {
  readonly apps: readonly ResolvedApp[];
  readonly findings: readonly Finding[];
}

/**
 * Derives every app's dependsOn: the providers of the references it uses and of the CRD kinds its objects are.
 * Reports unresolved references, kinds no app provides, dependencies on a later layer, and cycles.
 */
export function resolveDependencies(
  cluster: string,
  apps: readonly App[],
  served: readonly string[] = [],
): AppGraph {
  const byKey = new Map(apps.map((app) => [appKey(app), app]));
  const providers = crdProviders(apps);
  const findings: Finding[] = [];
  const resolved = apps.map((app) => {
    const deps = new Map<string, App>();
    const add = (provider: App | undefined) => {
      if (provider && provider !== app) deps.set(appKey(provider), provider);
    };
    for (const ref of app.uses) {
      const provider =
        ref.provider.cluster === undefined || ref.provider.cluster === cluster
          ? byKey.get(appKey(ref.provider))
          : undefined;
      if (!provider) findings.push(unresolvedReference(cluster, app, describeReference(ref), ref.provider));
      add(provider);
    }
    findings.push(...objectKindFindings(cluster, app, providers, new Set(served), add));
    findings.push(...layerFindings(cluster, app, [...deps.values()]));
    return { app, dependsOn: sortIds([...deps.values()]) };
  });
  return { apps: resolved, findings: [...findings, ...cycleFindings(cluster, resolved)] };
}

function unresolvedReference(
  cluster: string,
  app: App,
  what: string,
  provider: AppId & { cluster?: string },
): Finding {
  const elsewhere = provider.cluster !== undefined && provider.cluster !== cluster;
  return {
    code: "REF_UNRESOLVED",
    path: appPath(cluster, app),
    message: elsewhere
      ? `uses ${what}, which cluster ${provider.cluster} provides, not this one`
      : `uses ${what}, which no app of this cluster provides here`,
    expected: `an app ${appKey(provider)} in cluster ${cluster}`,
    found:
      provider.cluster && provider.cluster !== cluster
        ? `provided by cluster ${provider.cluster}`
        : "no such app",
  };
}

function objectKindFindings(
  cluster: string,
  app: App,
  providers: ReadonlyMap<string, App>,
  served: ReadonlySet<string>,
  add: (provider: App) => void,
): Finding[] {
  const findings: Finding[] = [];
  const seen = new Set<string>();
  for (const object of [...app.objects, ...app.chartKinds]) {
    const group = apiGroup(object.apiVersion);
    const key = crdKey(group, object.kind);
    if (isBuiltInGroup(group) || served.has(key) || served.has(crdKey(group, "*")) || seen.has(key)) continue;
    seen.add(key);
    const provider = providers.get(key) ?? providers.get(crdKey(group, "*"));
    if (!provider) {
      findings.push({
        code: "CRD_NOT_PROVIDED",
        path: appPath(cluster, app),
        message: `renders ${object.kind} (${object.apiVersion}), whose CRD no app of the cluster installs`,
        expected: `an app declaring crds: ["${key}"] or ["${group}/*"]`,
        found: "none",
      });
    } else if (provider === app) {
      findings.push({
        code: "CRD_NOT_PROVIDED",
        path: appPath(cluster, app),
        message: `renders ${object.kind} from a CRD the same app installs; Flux cannot dry-run it before the CRD exists`,
        expected: `${object.kind} objects in a separate app (stage) of ${app.folder}`,
        found: `${object.kind} in ${app.name}`,
      });
    } else add(provider);
  }
  return findings;
}

function layerFindings(cluster: string, app: App, deps: readonly App[]): Finding[] {
  return deps
    .filter((dep) => layerIndex(dep.layer) > layerIndex(app.layer))
    .map((dep) => ({
      code: "LAYER_ORDER",
      path: appPath(cluster, app),
      message: `depends on ${appKey(dep)}, which comes in a later layer`,
      expected: `a dependency in layer ${app.layer} or earlier`,
      found: `${appKey(dep)} in layer ${dep.layer}`,
    }));
}

function sortIds(apps: readonly App[]): AppId[] {
  return apps
    .map((app) => ({ name: app.name, namespace: app.namespace }))
    .sort((a, b) => compareText(appKey(a), appKey(b)));
}

function cycleFindings(cluster: string, apps: readonly ResolvedApp[]): Finding[] {
  const edges = new Map(apps.map(({ app, dependsOn }) => [appKey(app), dependsOn.map(appKey)]));
  const state = new Map<string, "visiting" | "done">();
  const findings: Finding[] = [];
  const visit = (key: string, stack: string[]) => {
    if (state.get(key) === "done") return;
    if (state.get(key) === "visiting") {
      const cycle = [...stack.slice(stack.indexOf(key)), key];
      findings.push({
        code: "DEPENDS_ON_CYCLE",
        path: `${cluster} › ${key}`,
        message: `dependsOn forms a cycle: ${cycle.join(" → ")}`,
        expected: "an acyclic dependency graph",
        found: `a cycle of ${cycle.length - 1} apps`,
      });
      return;
    }
    state.set(key, "visiting");
    for (const next of edges.get(key) ?? []) visit(next, [...stack, key]);
    state.set(key, "done");
  };
  for (const key of [...edges.keys()].sort()) visit(key, []);
  return findings;
}
