export { main } from "./main.js";
export { type Output, processOutput } from "./output.js";
export { EXIT, type RenderCommandOptions, renderCommand } from "./render-command.js";
export {
  type ClusterPackage,
  discoverClusters,
  findRepoRoot,
  loadCluster,
  selectClusters,
  UsageError,
} from "./workspace.js";
export { type KustomizeResult, kubectlAvailable, kustomizationDirs, kustomizeBuild } from "./kustomize.js";
export { type ClusterReport, clusterPackageAt, verifyCluster } from "./verify.js";
