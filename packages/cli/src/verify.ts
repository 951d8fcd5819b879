import { join } from "node:path";
import { type Finding, planWrite, type RenderedCluster, ValidationError } from "@k8s-ops/core";
import { renderWithReadme } from "./cluster-readme.js";
import { type KustomizeResult, kubectlAvailable, kustomizationDirs, kustomizeBuild } from "./kustomize.js";
import { type ClusterPackage, discoverClusters, findRepoRoot, loadCluster } from "./workspace.js";

/** What a cluster package's committed tree is worth: findings, drift from a fresh render, kustomize builds. */
export interface ClusterReport {
  readonly findings: readonly Finding[];
  /** Files where the committed tree differs from a fresh render. */
  readonly drift: readonly string[];
  /** One result per rendered folder, or undefined where kubectl is not installed. */
  readonly kustomize?: readonly KustomizeResult[];
}

/** The cluster package whose folder is `dir`. */
export async function clusterPackageAt(dir: string): Promise<ClusterPackage> {
  const all = await discoverClusters(findRepoRoot(dir));
  const pkg = all.find((candidate) => candidate.dir === dir);
  if (!pkg) throw new Error(`${dir} is not a cluster package of its repository`);
  return pkg;
}

/** Renders a cluster in memory and checks it against the tree on disk, writing nothing. */
export async function verifyCluster(pkg: ClusterPackage): Promise<ClusterReport> {
  let rendered: RenderedCluster;
  try {
    rendered = renderWithReadme(await loadCluster(pkg), { root: pkg.root });
  } catch (error) {
    if (error instanceof ValidationError) return { findings: error.findings, drift: [] };
    throw error;
  }
  const plan = await planWrite(pkg.dir, rendered);
  const drift = [...plan.added, ...plan.changed, ...plan.removed].sort();
  const findings = [...rendered.findings, ...plan.findings];
  if (!(await kubectlAvailable())) return { findings, drift };
  const dirs = (await kustomizationDirs(pkg.dir)).filter((dir) => !dir.startsWith("src"));
  return { findings, drift, kustomize: await kustomizeBuild(join(pkg.dir), dirs) };
}
