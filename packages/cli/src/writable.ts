import { accessSync, constants, existsSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { type CheckFinding, finding } from "@k8s-ops/checks";
import { STATE_DIR, type WritePlan } from "@k8s-ops/core";

/**
 * Before anything is written: every folder a plan writes into (or, where it does not exist yet, its nearest
 * existing parent) must be a writable folder, so a write never stops half way for want of permission.
 */
export function writableFindings(plan: WritePlan): CheckFinding[] {
  const paths = [...plan.added, ...plan.changed, ...plan.removed, `${STATE_DIR}/manifest.json`];
  const folders = new Set(paths.map((path) => nearestExisting(plan.clusterDir, dirname(path))));
  const findings: CheckFinding[] = [];
  for (const folder of [...folders].sort()) {
    const full = join(plan.clusterDir, folder);
    const problem = !statSync(full).isDirectory()
      ? "is a file, not a folder"
      : unwritable(full)
        ? "is not writable"
        : undefined;
    if (!problem) continue;
    const where = folder === "." ? plan.rendered.root : `${plan.rendered.root}/${folder}`;
    findings.push(
      finding("NOT_WRITABLE", where, `the folder k8s-ops writes into ${problem}`, {
        expected: "a writable folder",
        found: problem.replace(/^is /, ""),
      }),
    );
  }
  return findings;
}

function nearestExisting(root: string, folder: string): string {
  let current = folder;
  while (current !== "." && current !== "/" && !existsSync(join(root, current))) current = dirname(current);
  return current;
}

function unwritable(path: string): boolean {
  try {
    accessSync(path, constants.W_OK);
    return false;
  } catch {
    return true;
  }
}
