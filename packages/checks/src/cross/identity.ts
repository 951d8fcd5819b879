import type { ClusterView, CrossClusterRule } from "../context.js";
import { type CheckFinding, finding } from "../finding.js";
import { at, isObject } from "../tree/documents.js";
import { objectPath } from "../tree/model.js";

const CLUSTER_NAME = /^([a-z0-9][-a-z0-9]*)?[a-z0-9]$/;

export function crossPath(clusters: readonly string[], field: string): string {
  return `cross-cluster › ${clusters.join(", ")}: ${field}`;
}

/** §31: names unique, valid for Cilium; ids unique in 1..255; the rendered CLUSTER_ID and Cilium values agree. */
export const clusterIdentity: CrossClusterRule = (clusters) => [
  ...duplicates(clusters, "name", (c) => c.settings.name),
  ...duplicates(clusters, "id", (c) => String(c.settings.id)),
  ...clusters.flatMap(identityFindings),
  ...clusters.flatMap(renderedIdentity),
];

function duplicates(
  clusters: readonly ClusterView[],
  field: string,
  value: (c: ClusterView) => string,
): CheckFinding[] {
  const byValue = new Map<string, string[]>();
  for (const cluster of clusters)
    byValue.set(value(cluster), [...(byValue.get(value(cluster)) ?? []), cluster.root]);
  return [...byValue]
    .filter(([, roots]) => roots.length > 1)
    .map(([shared, roots]) =>
      finding(
        "CLUSTER_INVARIANT",
        crossPath(roots, `settings.${field}`),
        `clusters share the ${field} ${shared}`,
        {
          expected: `each cluster with its own ${field}`,
          found: `${shared} in ${roots.join(" and ")}`,
        },
      ),
    );
}

function identityFindings(cluster: ClusterView): CheckFinding[] {
  const { name, id } = cluster.settings;
  const findings: CheckFinding[] = [];
  if (name.length > 32 || !CLUSTER_NAME.test(name) || name === "default") {
    findings.push(
      finding("SETTINGS", `settings/${name}: name`, "cluster name is not a valid Cilium cluster name", {
        expected: "≤ 32 characters matching ^([a-z0-9][-a-z0-9]*)?[a-z0-9]$, not 'default'",
        found: JSON.stringify(name),
      }),
    );
  }
  if (!Number.isInteger(id) || id < 1 || id > 255) {
    findings.push(
      finding("SETTINGS", `settings/${name}: id`, "cluster id is out of range", {
        expected: "an integer in 1..255",
        found: String(id),
      }),
    );
  }
  return findings;
}

/** The cluster-settings ConfigMaps and the Cilium HelmRelease say the same name and id as the settings. */
function renderedIdentity(cluster: ClusterView): CheckFinding[] {
  const { name, id } = cluster.settings;
  const findings: CheckFinding[] = [];
  for (const object of cluster.tree.objects) {
    const checks: [string, unknown, string][] = [];
    if (object.kind === "ConfigMap" && object.name === "cluster-settings" && isObject(object.json.data)) {
      checks.push(
        ["data.CLUSTER_ID", object.json.data.CLUSTER_ID, String(id)],
        ["data.CLUSTER_NAME", object.json.data.CLUSTER_NAME, name],
      );
    }
    if (
      object.kind === "HelmRelease" &&
      object.name === "cilium" &&
      isObject(at(object.json, "spec.values.cluster"))
    ) {
      checks.push(
        ["spec.values.cluster.id", at(object.json, "spec.values.cluster.id"), String(id)],
        ["spec.values.cluster.name", at(object.json, "spec.values.cluster.name"), name],
      );
    }
    for (const [field, value, wanted] of checks) {
      if (value === undefined || String(value) === wanted) continue;
      findings.push(
        finding(
          "CLUSTER_INVARIANT",
          objectPath(cluster.name, object, field),
          "the rendered value differs from the cluster settings",
          { expected: wanted, found: JSON.stringify(value) },
        ),
      );
    }
  }
  return findings;
}
