/**
 * @k8s-ops/checks: what `k8s-ops check` (and, except the policies, `k8s-ops render`) verifies over rendered
 * clusters: the Flux graph as Flux reads the tree, references, hygiene, CRD validation rules (CEL), cross-cluster
 * invariants and policy rules as code.
 */
export { type CelStats, celFindings, evaluateRule } from "./cel/evaluate.js";
export { addCrd, type CelRule, type CelTable, countRules, renderTable } from "./cel/extract.js";
export { type FoundValue, toCel, valuesAt } from "./cel/values.js";
export type {
  ClusterInput,
  ClusterRule,
  ClusterView,
  CrossClusterRule,
  PolicyContext,
  PolicyRule,
  RepositoryInput,
} from "./context.js";
export { crossPath } from "./cross/identity.js";
export { MATCHING_VERSIONS, type VersionGroup, versionRule } from "./cross/versions.js";
export {
  type CheckCode,
  type CheckFinding,
  type CheckOnlyCode,
  dedupe,
  type FindingDetails,
  finding,
  formatCheckFinding,
  fromCore,
  isError,
  type Severity,
} from "./finding.js";
export { HINTS } from "./hints.js";
export { databasesBackedUp } from "./policy/cnpg.js";
export { type CronResult, type CronSchedule, parseCron } from "./policy/cron.js";
export { worstCaseInterval } from "./policy/cron-interval.js";
export { ANNOTATIONS, type ClassRules, DATA_CLASSES, type DataClass } from "./policy/data-class.js";
export { dataClassDeclared } from "./policy/data-class-rule.js";
export { formatDuration, parseDuration } from "./policy/duration.js";
export { baselineNetworkPolicies } from "./policy/network.js";
export { volumesBackedUp } from "./policy/volsync.js";
export { bootstrappedApps, isBuiltIn } from "./rules/crds.js";
export { API_CHANGES, type ApiChange, apiChange } from "./rules/deprecated.js";
export {
  CHECK_GROUPS,
  type CheckGroup,
  type CheckReport,
  CROSS_CLUSTER_RULES,
  POLICY_RULES,
  type RunOptions,
  runChecks,
} from "./run.js";
export { isFluxKustomization, walkTree } from "./tree/flux.js";
export {
  describe,
  type FluxKustomization,
  type FluxTree,
  objectPath,
  SYNC_ID,
  type TreeObject,
} from "./tree/model.js";
