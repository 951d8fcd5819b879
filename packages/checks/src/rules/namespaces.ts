import type { ClusterView } from "../context.js";
import { type CheckFinding, finding } from "../finding.js";
import { at, isObject, str } from "../tree/documents.js";
import { kustomizationPath, objectPath, SYNC_ID } from "../tree/model.js";

/** Namespaces every cluster has before Flux applies anything. */
const BUILT_IN = new Set(["default", "flux-system", "kube-node-lease", "kube-public", "kube-system"]);
const PRUNE = "kustomize.toolkit.fluxcd.io/prune";

/** §9: every targetNamespace and object namespace is a rendered Namespace; namespaces are never pruned. */
export function namespaces(cluster: ClusterView): CheckFinding[] {
  const rendered = cluster.tree.objects.filter((o) => o.kind === "Namespace" && o.apiVersion === "v1");
  const known = new Set([...BUILT_IN, ...rendered.map((o) => o.name)]);
  const findings: CheckFinding[] = [];
  const reported = new Set<string>();
  const report = (path: string, namespace: string) => {
    if (known.has(namespace) || reported.has(namespace)) return;
    reported.add(namespace);
    findings.push(
      finding("NAMESPACE_MISSING", path, `namespace ${namespace} is not rendered by this cluster`, {
        expected: `a Namespace ${namespace}`,
        found: "none",
      }),
    );
  };
  for (const ks of cluster.tree.kustomizations.values()) {
    const target = str(at(ks.json, "spec.targetNamespace"));
    if (ks.id !== SYNC_ID && target)
      report(kustomizationPath(cluster.name, ks, "spec.targetNamespace"), target);
  }
  for (const object of cluster.tree.objects)
    if (object.namespace) report(objectPath(cluster.name, object, "metadata.namespace"), object.namespace);
  for (const ns of rendered) {
    const annotations = at(ns.json, "metadata.annotations");
    if (isObject(annotations) && annotations[PRUNE] === "disabled") continue;
    findings.push(
      finding(
        "FLUX_FIELD",
        objectPath(cluster.name, ns, `metadata.annotations.${PRUNE}`),
        "Flux would delete the namespace, and everything in it, when its app goes away",
        {
          expected: "disabled",
          found: JSON.stringify(isObject(annotations) ? (annotations[PRUNE] ?? null) : null),
        },
      ),
    );
  }
  return findings;
}
