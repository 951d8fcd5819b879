import { existsSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { type CheckFinding, finding } from "@k8s-ops/checks";
import { MANIFEST_FILE, STATE_DIR } from "@k8s-ops/core";
import { unreadableFindings } from "./readable.js";
import type { ClusterPackage } from "./workspace.js";

/** Where core keeps the journal of a write in progress (next to the manifest). */
const JOURNAL_FILE = `${STATE_DIR}/journal.json`;

/**
 * A cluster folder and k8s-ops' own bookkeeping in it must be readable before anything else runs: a folder or file
 * the user cannot read, a state folder that is a file, or a manifest or journal that is not JSON, stops the command
 * with a finding instead of a crash.
 */
export function stateFindings(pkg: ClusterPackage): CheckFinding[] {
  const unreadable = unreadableFindings(pkg);
  if (unreadable.length > 0) return unreadable;
  const dir = join(pkg.dir, STATE_DIR);
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    return [
      finding(
        "NOT_WRITABLE",
        `${pkg.root}/${STATE_DIR}`,
        "k8s-ops keeps its manifest and journal in this folder, but it is a file",
        {
          expected: "a folder (or nothing)",
          found: "a file",
          hint: `move the file away; restore the folder with git checkout -- ${pkg.root}/${STATE_DIR}`,
        },
      ),
    ];
  }
  return [MANIFEST_FILE, JOURNAL_FILE].flatMap((file) => notJson(pkg, file));
}

function notJson(pkg: ClusterPackage, file: string): CheckFinding[] {
  const path = join(pkg.dir, file);
  if (!existsSync(path)) return [];
  try {
    JSON.parse(readFileSync(path, "utf8"));
    return [];
  } catch (error) {
    const what =
      file === MANIFEST_FILE
        ? "the record of the files k8s-ops generated"
        : "the journal of an interrupted write";
    return [
      finding("FILE_EDITED", `${pkg.root}/${file}`, `${what} is not valid JSON`, {
        expected: "the JSON k8s-ops wrote",
        found: error instanceof Error ? error.message : String(error),
        hint: `restore it with git checkout -- ${pkg.root}/${file}`,
      }),
    ];
  }
}
