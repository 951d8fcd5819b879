export { type CheckCommandOptions, checkCommand } from "./check-command.js";
export {
  checkInput,
  type LoadedCluster,
  loadAll,
  recoverAll,
  type SettledFolders,
  settleFolders,
} from "./clusters.js";
export { type DiffCommandOptions, diffCommand } from "./diff/diff-command.js";
export { type ClusterDiff, diffCluster, type ObjectChange } from "./diff/objects.js";
export { type GraphCommandOptions, graphCommand } from "./graph/graph-command.js";
export { buildGraph, type DependencyGraph, type GraphEdge, type GraphNode } from "./graph/model.js";
export { toDot, toMermaid, toSvg } from "./graph/render.js";
export { componentReferences } from "./harvest.js";
export { type KustomizeResult, kubectlAvailable, kustomizationDirs, kustomizeBuild } from "./kustomize.js";
export { main } from "./main.js";
export { type Output, processOutput } from "./output.js";
export { EXIT, type RenderCommandOptions, renderCommand } from "./render-command.js";
export { Interrupted, SIGNAL_EXIT } from "./signals.js";
export { type ClusterReport, clusterPackageAt, verifyCluster } from "./verify.js";
export {
  type ClusterPackage,
  discoverClusters,
  findRepoRoot,
  loadCluster,
  selectClusters,
  UsageError,
} from "./workspace.js";
export { INTERRUPT_AT_ENV, INTERRUPT_ENV, PAUSE_AT_ENV } from "./write-hooks.js";
