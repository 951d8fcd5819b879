import type { ClusterView, CrossClusterRule } from "../context.js";
import { type CheckFinding, finding } from "../finding.js";
import { at, str } from "../tree/documents.js";
import { crossPath } from "./identity.js";

/** Charts that must carry one version wherever they run, named by the last segment of their OCI URL. */
export interface VersionGroup {
  readonly name: string;
  readonly charts: readonly string[];
}

/** §15: Cilium (ClusterMesh), the Rook operator, ARC controller = scale set, flux-operator = flux-instance. */
export const MATCHING_VERSIONS: readonly VersionGroup[] = [
  { name: "cilium", charts: ["cilium"] },
  { name: "rook-ceph", charts: ["rook-ceph"] },
  { name: "actions-runner-controller", charts: ["gha-runner-scale-set-controller", "gha-runner-scale-set"] },
  { name: "flux", charts: ["flux-operator", "flux-instance"] },
];

/** Chart versions read from the rendered OCIRepositories agree within each group, across every cluster. */
export function versionRule(groups: readonly VersionGroup[] = MATCHING_VERSIONS): CrossClusterRule {
  return (clusters) => groups.flatMap((group) => groupFindings(clusters, group));
}

export const matchingVersions: CrossClusterRule = versionRule();

function groupFindings(clusters: readonly ClusterView[], group: VersionGroup): CheckFinding[] {
  const seen: { where: string; tag: string }[] = [];
  for (const cluster of clusters) {
    for (const repo of cluster.tree.objects.filter((o) => o.kind === "OCIRepository")) {
      const chart = (str(at(repo.json, "spec.url")) ?? "").split("/").pop() ?? "";
      const tag = str(at(repo.json, "spec.ref.tag"));
      if (group.charts.includes(chart) && tag) seen.push({ where: `${cluster.name} ${chart}`, tag });
    }
  }
  if (new Set(seen.map((s) => s.tag)).size <= 1) return [];
  const clustersSeen = [...new Set(seen.map((s) => s.where.split(" ")[0] ?? ""))];
  return [
    finding(
      "VERSION_MISMATCH",
      crossPath(clustersSeen, `${group.name} chart version`),
      `${group.name} must run one chart version everywhere`,
      {
        expected: "one version",
        found: seen.map((s) => `${s.where} ${s.tag}`).join(", "),
      },
    ),
  ];
}
