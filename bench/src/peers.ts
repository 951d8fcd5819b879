import { kubectlAvailable, kustomizationDirs, kustomizeBuild } from "@k8s-ops/cli";

/** `kubectl kustomize` over every rendered folder: what Flux's kustomize-controller does with our output. */
export interface KustomizeRun {
  readonly dirs: number;
  readonly failed: number;
  readonly wallMs: number;
}

/** Builds every kustomization folder under `root` with the CLI's own runner (4 at a time); undefined without kubectl. */
export async function kustomizePeer(root: string): Promise<KustomizeRun | undefined> {
  if (!(await kubectlAvailable())) return undefined;
  const dirs = await kustomizationDirs(root);
  const start = performance.now();
  const results = await kustomizeBuild(root, dirs);
  return {
    dirs: dirs.length,
    failed: results.filter((r) => !r.ok).length,
    wallMs: performance.now() - start,
  };
}
