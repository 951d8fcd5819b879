import { readFileSync } from "node:fs";
import { join } from "node:path";
import { compareText } from "../compare.js";
import type { Finding } from "../errors.js";
import type { RenderedCluster } from "../render.js";
import { contentHash, type Manifest, readManifest } from "./manifest.js";

/** What writing a rendered cluster would change on disk. */
export interface WritePlan {
  readonly clusterDir: string;
  readonly rendered: RenderedCluster;
  readonly previous: Manifest;
  readonly added: readonly string[];
  readonly changed: readonly string[];
  readonly removed: readonly string[];
  /** Why the plan must not be carried out: files k8s-ops does not own, or owns but someone edited. */
  readonly findings: readonly Finding[];
}

/** Synchronous: a few microseconds per small file, where the promise version costs a thread-pool round trip. */
function readIfExists(path: string): string | undefined {
  try {
    return readFileSync(path, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
    throw error;
  }
}

/** Compares a rendered cluster with the folder on disk; reads only, writes nothing. */
export async function planWrite(clusterDir: string, rendered: RenderedCluster): Promise<WritePlan> {
  const previous = await readManifest(clusterDir);
  const added: string[] = [];
  const changed: string[] = [];
  const findings: Finding[] = [];
  const where = (path: string) => `${rendered.root}/${path}`;
  // judged in path order, so the findings come out in the same order every time
  for (const [path, content] of [...rendered.files].sort(([a], [b]) => compareText(a, b))) {
    const onDisk = readIfExists(join(clusterDir, path));
    const owned = previous.files[path];
    if (onDisk === content) continue;
    if (onDisk === undefined) added.push(path);
    else if (owned === undefined) findings.push(notOwned(where(path)));
    else if (contentHash(onDisk) !== owned) findings.push(editedByHand(where(path)));
    else changed.push(path);
  }
  const removed: string[] = [];
  for (const [path, hash] of Object.entries(previous.files).sort(([a], [b]) => compareText(a, b))) {
    if (rendered.files.has(path)) continue;
    const onDisk = readIfExists(join(clusterDir, path));
    if (onDisk === undefined) continue;
    if (contentHash(onDisk) !== hash) findings.push(editedByHand(where(path)));
    else removed.push(path);
  }
  for (const path of rendered.handWritten) {
    if (readIfExists(join(clusterDir, path)) === undefined) findings.push(missing(where(path)));
  }
  return { clusterDir, rendered, previous, added, changed, removed, findings };
}

export function hasChanges(plan: WritePlan): boolean {
  return plan.added.length + plan.changed.length + plan.removed.length > 0;
}

function notOwned(path: string): Finding {
  return {
    code: "FILE_NOT_OWNED",
    path,
    message: "a file k8s-ops did not generate stands where it would write; it is left as it is",
    expected: "no file at this path, or one k8s-ops generated",
    found: "a hand-written file",
  };
}

function editedByHand(path: string): Finding {
  return {
    code: "FILE_EDITED",
    path,
    message:
      "a generated file was edited by hand; change the TypeScript source instead, then delete the file",
    expected: "the content k8s-ops generated last time",
    found: "different content",
  };
}

function missing(path: string): Finding {
  return {
    code: "FILE_MISSING",
    path,
    message: "an app lists a hand-written file that does not exist",
    expected: "the file, written by hand (e.g. encrypted with sops)",
    found: "no file",
  };
}
