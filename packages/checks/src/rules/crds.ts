import { BOOTSTRAP_ORDER } from "@k8s-ops/bootstrap";
import { type App, isBuiltInGroup } from "@k8s-ops/core";
import type { ClusterView } from "../context.js";
import { type CheckFinding, finding } from "../finding.js";
import { at, isObject } from "../tree/documents.js";
import { objectPath, type TreeObject } from "../tree/model.js";
import { groupOf } from "../tree/scope.js";
import { ancestors } from "./kustomizations.js";

/** The apps the bootstrap helmfile installs (`namespace/name`): they and their CRDs exist before Flux starts. */
export function bootstrappedApps(apps: readonly App[]): string[] {
  const names = new Set<string>(BOOTSTRAP_ORDER);
  return apps.filter((app) => names.has(app.name)).map((app) => `${app.namespace}/${app.name}`);
}

/** Kinds Kubernetes or Flux itself serves: they need no CRD. */
export function isBuiltIn(apiVersion: string): boolean {
  return isBuiltInGroup(groupOf(apiVersion));
}

/**
 * §6, §27: an object of a CRD kind is applied after its CRD: the app installing it is bootstrapped, or is among the
 * object's Kustomization's dependencies and gates them with wait or health checks.
 */
export function crdOrdering(cluster: ClusterView): CheckFinding[] {
  const apps = cluster.apps ?? [];
  if (apps.length === 0) return [];
  const served = new Set(cluster.served ?? []);
  const isServed = (o: TreeObject) =>
    served.has(`${groupOf(o.apiVersion)}/${o.kind}`) || served.has(`${groupOf(o.apiVersion)}/*`);
  const findings = cluster.tree.objects
    .filter((o) => !isBuiltIn(o.apiVersion) && !isServed(o))
    .flatMap((object) => objectFindings(cluster, apps, object));
  return dedupeByProvider(findings);
}

function objectFindings(cluster: ClusterView, apps: readonly App[], object: TreeObject): CheckFinding[] {
  const provider = providerOf(apps, object);
  const path = objectPath(cluster.name, object);
  if (!provider) return unprovided(cluster, apps, object, path);
  const id = `${provider.namespace}/${provider.name}`;
  if ((cluster.bootstrapped ?? bootstrappedApps(apps)).includes(id) || id === object.owner) return [];
  if (!ancestors(cluster, object.owner).has(id)) {
    return [
      finding(
        "CRD_NOT_PROVIDED",
        path,
        `applied before its CRD: ${id}, which installs it, is not among the Kustomization's dependencies`,
        {
          expected: `dependsOn (directly or not) ${id}, or ${id} bootstrapped`,
          found: object.owner,
        },
      ),
    ];
  }
  if (gated(cluster, id)) return [];
  return [
    finding("CRD_NOT_GATED", path, `${id} installs the CRD but Flux does not wait for it to be ready`, {
      expected: `wait: true or health checks on ${id}`,
      found: "neither",
    }),
  ];
}

/** Core reports the objects of apps; the tree adds hand-written files and namespace-wide components. */
function unprovided(
  cluster: ClusterView,
  apps: readonly App[],
  object: TreeObject,
  path: string,
): CheckFinding[] {
  const handWritten = (cluster.handWritten ?? []).includes(object.file);
  if (!handWritten && apps.some((a) => `${a.namespace}/${a.name}` === object.owner)) return [];
  const expected = `an app declaring crds: ["${groupOf(object.apiVersion)}/*"]`;
  return [
    finding(
      "CRD_NOT_PROVIDED",
      path,
      `${object.kind} (${object.apiVersion}) comes from a CRD no app of the cluster installs`,
      { expected, found: "none" },
    ),
  ];
}

function providerOf(apps: readonly App[], object: TreeObject): App | undefined {
  const group = groupOf(object.apiVersion);
  return (
    apps.find((app) => app.crds.includes(`${group}/${object.kind}`)) ??
    apps.find((app) => app.crds.includes(`${group}/*`))
  );
}

function gated(cluster: ClusterView, id: string): boolean {
  const ks = cluster.tree.kustomizations.get(id);
  if (!ks) return false;
  const spec = ks.json.spec;
  if (!isObject(spec)) return false;
  const health = [spec.healthChecks, spec.healthCheckExprs].some(
    (list) => Array.isArray(list) && list.length > 0,
  );
  return at(ks.json, "spec.wait") === true || health;
}

/** One finding per Kustomization and message: ten objects of one kind need one fix. */
function dedupeByProvider(findings: CheckFinding[]): CheckFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.path.split(" › ").slice(0, 2).join(" › ")}\u0000${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
