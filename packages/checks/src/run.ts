import { type CelStats, celFindings } from "./cel/evaluate.js";
import type { ClusterInput, ClusterView, CrossClusterRule, PolicyRule, RepositoryInput } from "./context.js";
import { bgpAsns } from "./cross/bgp.js";
import { perClusterIdentifiers } from "./cross/identifiers.js";
import { clusterIdentity } from "./cross/identity.js";
import { networkRanges } from "./cross/networks.js";
import { crossClusterServices } from "./cross/services.js";
import { matchingVersions } from "./cross/versions.js";
import { type CheckFinding, dedupe, finding } from "./finding.js";
import { databasesBackedUp } from "./policy/cnpg.js";
import { dataClassDeclared } from "./policy/data-class-rule.js";
import { baselineNetworkPolicies } from "./policy/network.js";
import { volumesBackedUp } from "./policy/volsync.js";
import { GRAPH_RULES, HYGIENE_RULES, REFERENCE_RULES } from "./rules/index.js";
import { walkTree } from "./tree/flux.js";
import { objectPath } from "./tree/model.js";

/** The groups of checks; `render` runs all but `policies`, `check` runs all. */
export type CheckGroup = "graph" | "references" | "hygiene" | "crd-rules" | "cross-cluster" | "policies";
export const CHECK_GROUPS: readonly CheckGroup[] = [
  "graph",
  "references",
  "hygiene",
  "crd-rules",
  "cross-cluster",
  "policies",
];

export const CROSS_CLUSTER_RULES: readonly CrossClusterRule[] = [
  clusterIdentity,
  networkRanges,
  bgpAsns,
  matchingVersions,
  perClusterIdentifiers,
  crossClusterServices,
];
export const POLICY_RULES: readonly PolicyRule[] = [
  dataClassDeclared,
  volumesBackedUp,
  databasesBackedUp,
  baselineNetworkPolicies(),
];

export interface RunOptions {
  /** @default every group */
  readonly groups?: readonly CheckGroup[];
  /** @default {} */
  readonly repository?: RepositoryInput;
  /** @default POLICY_RULES */
  readonly policies?: readonly PolicyRule[];
}

export interface CheckReport {
  readonly findings: readonly CheckFinding[];
  readonly clusters: readonly ClusterView[];
  readonly cel: CelStats;
}

/** Reads each cluster's tree as Flux would and runs the selected checks over each cluster and across them. */
export function runChecks(inputs: readonly ClusterInput[], options: RunOptions = {}): CheckReport {
  const groups = new Set(options.groups ?? CHECK_GROUPS);
  const repository = options.repository ?? {};
  const clusters: ClusterView[] = inputs.map((input) => ({
    ...input,
    tree: walkTree(input.name, input.root, input.files, {
      secretVariables: input.settings.secretVariables ?? [],
    }),
  }));
  const cel: CelStats = { evaluated: 0, skippedOldSelf: 0, notEvaluated: 0 };
  const findings: CheckFinding[] = [];
  for (const cluster of clusters) {
    if (groups.has("graph"))
      findings.push(...cluster.tree.findings, ...GRAPH_RULES.flatMap((rule) => rule(cluster, repository)));
    if (groups.has("references"))
      findings.push(...REFERENCE_RULES.flatMap((rule) => rule(cluster, repository)));
    if (groups.has("hygiene")) findings.push(...HYGIENE_RULES.flatMap((rule) => rule(cluster, repository)));
    if (groups.has("crd-rules")) findings.push(...celGroup(cluster, cel));
    if (groups.has("policies")) findings.push(...policyGroup(cluster, options.policies ?? POLICY_RULES));
  }
  if (groups.has("cross-cluster")) findings.push(...CROSS_CLUSTER_RULES.flatMap((rule) => rule(clusters)));
  return { findings: dedupe(findings), clusters, cel };
}

function celGroup(cluster: ClusterView, total: CelStats): CheckFinding[] {
  const stats: CelStats = { evaluated: 0, skippedOldSelf: 0, notEvaluated: 0 };
  const findings = celFindings(cluster.name, cluster.tree.objects, stats);
  total.evaluated += stats.evaluated;
  total.skippedOldSelf += stats.skippedOldSelf;
  total.notEvaluated += stats.notEvaluated;
  if (stats.skippedOldSelf + stats.notEvaluated === 0) return findings;
  const notice = finding(
    "CEL_SKIPPED",
    `${cluster.name} › (CRD validation rules)`,
    `${stats.evaluated} evaluated; ${stats.skippedOldSelf} skipped (they compare with the previous object, oldSelf); ${stats.notEvaluated} not evaluable here (functions or defaults only the API server has)`,
    {
      severity: "notice",
    },
  );
  return [...findings, notice];
}

function policyGroup(cluster: ClusterView, policies: readonly PolicyRule[]): CheckFinding[] {
  const context = {
    cluster: cluster.name,
    pathOf: (object: Parameters<typeof objectPath>[1], field?: string) =>
      objectPath(cluster.name, object, field),
  };
  return policies.flatMap((policy) => policy(cluster.tree.objects, context));
}
