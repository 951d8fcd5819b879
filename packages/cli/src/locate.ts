import type { CheckFinding } from "@k8s-ops/checks";

/** Where a finding is: cluster (or "cross-cluster"), Kustomization, object, field. */
export interface Location {
  readonly cluster: string;
  readonly kustomization: string;
  readonly object?: string;
  readonly field?: string;
}

export interface ClusterName {
  /** The cluster's name, or its folder name when it did not load. */
  readonly name: string;
  /** Repository-relative folder, e.g. `clusters/apps`. */
  readonly root: string;
}

/** Reads the location out of a finding's path (`cluster › ns/ks › Kind ns/name: field`, and core's other forms). */
export function locate(finding: CheckFinding, clusters: readonly ClusterName[]): Location {
  const byRoot = clusters.find((c) => finding.path === c.root || finding.path.startsWith(`${c.root}/`));
  if (byRoot) {
    const object = finding.path.slice(byRoot.root.length + 1);
    return { cluster: byRoot.name, kustomization: "(files)", ...(object ? { object } : {}) };
  }
  const colon = finding.path.indexOf(": ");
  const head = colon === -1 ? finding.path : finding.path.slice(0, colon);
  const field = colon === -1 ? undefined : finding.path.slice(colon + 2);
  if (head.startsWith("settings/"))
    return { cluster: head.slice("settings/".length), kustomization: "(settings)", field };
  const [cluster = head, kustomization = "(cluster)", ...object] = head.split(" › ");
  return {
    cluster,
    kustomization,
    ...(object.length > 0 ? { object: object.join(" › ") } : {}),
    ...(field ? { field } : {}),
  };
}

/** Whether a finding concerns one of the named clusters, or all of them (cross-cluster). */
export function concerns(
  finding: CheckFinding,
  names: ReadonlySet<string>,
  clusters: readonly ClusterName[],
): boolean {
  const { cluster } = locate(finding, clusters);
  return cluster === "cross-cluster" || names.has(cluster);
}
