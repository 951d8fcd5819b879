import type { ClusterView } from "../context.js";
import { type CheckFinding, finding } from "../finding.js";
import { isObject, type Json, str } from "../tree/documents.js";
import { type FluxKustomization, kustomizationPath, SYNC_ID, type TreeObject } from "../tree/model.js";

/**
 * §7: health checks name objects the Kustomization renders (or that one of its HelmReleases creates, in the release's
 * namespace); every healthCheckExpr sets current and its kind is rendered (or may come from a chart).
 */
export function healthChecks(cluster: ClusterView): CheckFinding[] {
  return [...cluster.tree.kustomizations.values()]
    .filter((ks) => ks.id !== SYNC_ID)
    .flatMap((ks) => {
      const spec = isObject(ks.json.spec) ? ks.json.spec : {};
      const own = cluster.tree.objects.filter((o) => o.owner === ks.id);
      return [...checkFindings(cluster.name, ks, spec, own), ...exprFindings(cluster.name, ks, spec, own)];
    });
}

/** A HelmRelease of the Kustomization may create the target (in its namespace, or cluster-wide): Flux waits on it. */
function fromChart(object: TreeObject, namespace: string | undefined): boolean {
  return object.kind === "HelmRelease" && (namespace === undefined || object.namespace === namespace);
}

function checkFindings(
  cluster: string,
  ks: FluxKustomization,
  spec: Json,
  own: readonly TreeObject[],
): CheckFinding[] {
  const checks = Array.isArray(spec.healthChecks) ? spec.healthChecks.filter(isObject) : [];
  return checks.flatMap((check, i) => {
    const namespace = str(check.namespace);
    const rendered = (o: TreeObject) =>
      o.apiVersion === check.apiVersion &&
      o.kind === check.kind &&
      o.name === check.name &&
      (namespace === undefined || o.namespace === namespace);
    if (own.some(rendered) || own.some((o) => fromChart(o, namespace))) return [];
    const target = `${String(check.kind)} ${namespace ? `${namespace}/` : ""}${String(check.name)} (${String(check.apiVersion)})`;
    return [
      finding(
        "HEALTH_CHECK",
        kustomizationPath(cluster, ks, `spec.healthChecks.${i}`),
        "the health check names an object this Kustomization does not render",
        {
          expected: "an object in the Kustomization's output",
          found: target,
        },
      ),
    ];
  });
}

function exprFindings(
  cluster: string,
  ks: FluxKustomization,
  spec: Json,
  own: readonly TreeObject[],
): CheckFinding[] {
  const exprs = Array.isArray(spec.healthCheckExprs) ? spec.healthCheckExprs.filter(isObject) : [];
  return exprs.flatMap((expr, i) => {
    const at = kustomizationPath(cluster, ks, `spec.healthCheckExprs.${i}`);
    const findings: CheckFinding[] = [];
    if (typeof expr.current !== "string" || expr.current === "") {
      findings.push(
        finding("HEALTH_CHECK", at, "a healthCheckExpr without current never reports healthy", {
          expected: "a CEL expression",
          found: "nothing",
        }),
      );
    }
    if (
      !own.some((o) => (o.apiVersion === expr.apiVersion && o.kind === expr.kind) || fromChart(o, undefined))
    ) {
      findings.push(
        finding("HEALTH_CHECK", at, "the healthCheckExpr's kind is not in the Kustomization's output", {
          expected: "a kind the Kustomization renders",
          found: `${String(expr.kind)} (${String(expr.apiVersion)})`,
        }),
      );
    }
    return findings;
  });
}
