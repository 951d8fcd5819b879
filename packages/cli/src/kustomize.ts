import { execFile } from "node:child_process";
import { readdir } from "node:fs/promises";
import { join, relative } from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Outcome of `kubectl kustomize` on one folder. */
export interface KustomizeResult {
  readonly dir: string;
  readonly ok: boolean;
  readonly error?: string;
}

/** Whether `kubectl` (with its built-in kustomize) is on the PATH. */
export async function kubectlAvailable(): Promise<boolean> {
  try {
    await run("kubectl", ["version", "--client"]);
    return true;
  } catch {
    return false;
  }
}

/** Every folder below `root` with a kustomization.yaml, relative to `root`, sorted. */
export async function kustomizationDirs(root: string): Promise<string[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile() && entry.name === "kustomization.yaml")
    .map((entry) => relative(root, entry.parentPath) || ".")
    .filter((dir) => !dir.split("/").includes("node_modules"))
    .sort();
}

/** How many kubectl processes run at once: enough to use both cores, few enough to stay light. */
const CONCURRENCY = 4;

/** Builds each folder with the real kustomize, as Flux's kustomize-controller would. */
export async function kustomizeBuild(root: string, dirs: readonly string[]): Promise<KustomizeResult[]> {
  const results: KustomizeResult[] = [];
  for (let start = 0; start < dirs.length; start += CONCURRENCY) {
    const batch = dirs.slice(start, start + CONCURRENCY);
    results.push(...(await Promise.all(batch.map((dir) => buildOne(root, dir)))));
  }
  return results;
}

async function buildOne(root: string, dir: string): Promise<KustomizeResult> {
  try {
    await run("kubectl", ["kustomize", join(root, dir)], { maxBuffer: 64 * 1024 * 1024 });
    return { dir, ok: true };
  } catch (error) {
    return { dir, ok: false, error: (error as { stderr?: string }).stderr?.trim() || String(error) };
  }
}
