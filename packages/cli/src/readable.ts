import { accessSync, constants, readdirSync } from "node:fs";
import { join, relative } from "node:path";
import { type CheckFinding, finding } from "@k8s-ops/checks";
import { STATE_DIR } from "@k8s-ops/core";
import type { ClusterPackage } from "./workspace.js";

/** Folders of a cluster package k8s-ops neither reads nor writes. */
const IGNORED = new Set(["node_modules", "src"]);

/**
 * Every folder and file k8s-ops may read in a cluster folder (all but its source, its dependencies and dot-folders
 * other than its own state) must be readable by the user running it, so a command reports it instead of failing
 * half way with EACCES.
 */
export function unreadableFindings(pkg: ClusterPackage): CheckFinding[] {
  const findings: CheckFinding[] = [];
  const visit = (dir: string) => {
    if (!canAccess(dir, constants.R_OK | constants.X_OK)) {
      findings.push(unreadable(pkg, dir, "folder"));
      return;
    }
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory() && !skipped(pkg, path, entry.name)) visit(path);
      else if (entry.isFile() && !canAccess(path, constants.R_OK))
        findings.push(unreadable(pkg, path, "file"));
    }
  };
  visit(pkg.dir);
  return findings;
}

function skipped(pkg: ClusterPackage, path: string, name: string): boolean {
  const top = relative(pkg.dir, path) === name;
  return top && (IGNORED.has(name) || (name.startsWith(".") && name !== STATE_DIR));
}

function unreadable(pkg: ClusterPackage, path: string, what: "folder" | "file"): CheckFinding {
  const where = relative(pkg.dir, path);
  return finding(
    "NOT_READABLE",
    where === "" ? pkg.root : `${pkg.root}/${where.split("\\").join("/")}`,
    `the ${what} k8s-ops reads and writes is not readable`,
    {
      expected: `a ${what} the user running k8s-ops can read`,
      found: "not readable",
    },
  );
}

function canAccess(path: string, mode: number): boolean {
  try {
    accessSync(path, mode);
    return true;
  } catch {
    return false;
  }
}
