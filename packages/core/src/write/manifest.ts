import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";

/** Where k8s-ops keeps its bookkeeping inside a cluster folder. */
export const STATE_DIR = ".k8s-ops";
export const MANIFEST_FILE = `${STATE_DIR}/manifest.json`;
export const STAGING_DIR = `${STATE_DIR}/staging`;
export const JOURNAL_FILE = `${STATE_DIR}/journal.json`;
/** Held by the process writing or recovering the folder; names its pid. */
export const LOCK_FILE = `${STATE_DIR}/lock`;

/**
 * The files k8s-ops generated in a cluster folder and the hash of each, so it prunes only its own files and
 * notices a generated file someone edited by hand.
 */
export interface Manifest {
  readonly files: Readonly<Record<string, string>>;
}

export function contentHash(content: string): string {
  return createHash("sha256").update(content).digest("hex");
}

export async function readManifest(clusterDir: string): Promise<Manifest> {
  try {
    const parsed = JSON.parse(await readFile(join(clusterDir, MANIFEST_FILE), "utf8")) as Manifest;
    return { files: parsed.files ?? {} };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { files: {} };
    throw error;
  }
}

export function manifestFor(files: ReadonlyMap<string, string>): Manifest {
  const paths = [...files.keys()].sort();
  return { files: Object.fromEntries(paths.map((path) => [path, contentHash(files.get(path) ?? "")])) };
}

export function serializeManifest(manifest: Manifest): string {
  return `${JSON.stringify({ generator: "k8s-ops", files: manifest.files }, null, 2)}\n`;
}
