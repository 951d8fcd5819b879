import type { CrossClusterRule } from "../context.js";
import { type CheckFinding, finding } from "../finding.js";

/**
 * §37: a reference one cluster takes from another (a remote-write endpoint, a log sink) names a cluster that is
 * loaded, an app that cluster runs, and a namespace it renders.
 */
export const crossClusterServices: CrossClusterRule = (clusters) => {
  const byName = new Map(clusters.map((c) => [c.name, c]));
  const findings: CheckFinding[] = [];
  for (const cluster of clusters) {
    for (const ref of cluster.references ?? []) {
      const other = ref.provider.cluster;
      if (other === undefined || other === cluster.name) continue;
      const at = `cross-cluster › ${cluster.name} → ${other}: ${ref.type} ${ref.namespace ? `${ref.namespace}/` : ""}${ref.name}`;
      const target = byName.get(other);
      const app = `${ref.provider.namespace}/${ref.provider.name}`;
      if (!target) {
        findings.push(
          finding(
            "REF_UNRESOLVED",
            at,
            `uses a ${ref.type} of cluster ${other}, which is not in this repository`,
            { expected: `one of ${[...byName.keys()].join(", ")}`, found: other },
          ),
        );
      } else if (!target.tree.kustomizations.has(app)) {
        findings.push(
          finding("REF_UNRESOLVED", at, `cluster ${other} does not run the app that provides it`, {
            expected: `a Kustomization ${app} in ${other}`,
            found: "none",
          }),
        );
      } else if (
        ref.namespace &&
        !target.tree.objects.some((o) => o.kind === "Namespace" && o.name === ref.namespace)
      ) {
        findings.push(
          finding("REF_UNRESOLVED", at, `cluster ${other} does not render the namespace`, {
            expected: `a Namespace ${ref.namespace} in ${other}`,
            found: "none",
          }),
        );
      }
    }
  }
  return findings;
};
