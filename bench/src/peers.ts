import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { kubectlAvailable, kustomizationDirs, kustomizeBuild } from "@k8s-ops/cli";
import { type ChildReport, runChild } from "./measure.ts";
import { objectCount, renderedObjects } from "./objects.ts";

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

export interface ObjectPeers {
  readonly objects: number;
  readonly groups: number;
  readonly cdk8s: ChildReport;
  readonly yaml: ChildReport;
}

/** cdk8s synth and `yaml` alone, each in a fresh process, over the objects rendered under `root`. */
export async function objectPeers(root: string, tmp: string): Promise<ObjectPeers> {
  const groups = await renderedObjects(root);
  const input = join(tmp, "objects.json");
  await writeFile(input, JSON.stringify(groups));
  const here = import.meta.dirname;
  const cdk8s = await runChild(join(here, "cdk8s-child.ts"), [input, join(tmp, "cdk8s.out")]);
  const yaml = await runChild(join(here, "yaml-child.ts"), [input]);
  return { objects: objectCount(groups), groups: groups.length, cdk8s, yaml };
}
