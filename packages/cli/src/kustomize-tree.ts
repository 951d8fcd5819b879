import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { type CheckFinding, finding } from "@k8s-ops/checks";
import { kubectlAvailable, kustomizeBuild } from "./kustomize.js";

export interface KustomizeSummary {
  readonly built: number;
  readonly failed: number;
  /** Folders not built: kubectl missing, or skipped on request. */
  readonly skipped: number;
}

/** Every folder of a cluster's files with a kustomization.yaml. */
export function kustomizeFolders(files: ReadonlyMap<string, string>): string[] {
  return [...files.keys()]
    .filter((path) => path === "kustomization.yaml" || path.endsWith("/kustomization.yaml"))
    .map((path) => dirname(path))
    .sort();
}

/**
 * Builds every folder of a fresh render with `kubectl kustomize`, as Flux's kustomize-controller would: the files
 * are written to a temporary folder first, so what is built is the render, not whatever is on disk.
 */
export async function buildRendered(
  cluster: string,
  root: string,
  files: ReadonlyMap<string, string>,
  skip: boolean,
): Promise<{ findings: CheckFinding[]; summary: KustomizeSummary }> {
  const folders = kustomizeFolders(files);
  if (skip)
    return {
      findings: [notBuilt(cluster, folders.length, "kustomize build skipped (--skip-kustomize)")],
      summary: { built: 0, failed: 0, skipped: folders.length },
    };
  if (!(await kubectlAvailable())) {
    return {
      findings: [notBuilt(cluster, folders.length, "kubectl not found")],
      summary: { built: 0, failed: 0, skipped: folders.length },
    };
  }
  const temp = await mkdtemp(join(tmpdir(), "k8s-ops-check-"));
  try {
    for (const [path, content] of files) {
      await mkdir(dirname(join(temp, path)), { recursive: true });
      await writeFile(join(temp, path), content);
    }
    const results = await kustomizeBuild(temp, folders);
    const failed = results.filter((r) => !r.ok);
    const findings = failed.map((r) =>
      finding("KUSTOMIZE_BUILD", `${root}/${r.dir}`, "kubectl kustomize fails on the folder", {
        expected: "a successful build",
        found: firstLine(r.error ?? "").replaceAll(temp, root),
      }),
    );
    return {
      findings,
      summary: { built: results.length - failed.length, failed: failed.length, skipped: 0 },
    };
  } finally {
    await rm(temp, { recursive: true, force: true });
  }
}

function notBuilt(cluster: string, count: number, why: string): CheckFinding {
  const hint = why === "kubectl not found" ? undefined : "run without --skip-kustomize to build them";
  return finding(
    "KUSTOMIZE_NOT_RUN",
    `${cluster} › (kubectl kustomize)`,
    `${why}: ${count} folders not built`,
    {
      severity: "notice",
      ...(hint ? { hint } : {}),
    },
  );
}

function firstLine(text: string): string {
  return text.split("\n").find((line) => line.trim() !== "") ?? text;
}
