// The pinned inputs (crds.json): which upstream CRD files are generated, from which commit, with which bytes.
import { readFile } from "node:fs/promises";

export interface ManifestFile {
  /** Path under the shared schemas folder (`../shared/schemas/` seen from the repository root). */
  readonly file: string;
  /** The same file upstream, at the pinned commit. */
  readonly url: string;
  /** sha256 of the file's bytes, whichever source they come from. */
  readonly sha256: string;
}

export interface ManifestInput {
  readonly project: string;
  readonly repository: string;
  readonly commit: string;
  readonly version: string;
  readonly latestRelease: string;
  readonly license: string;
  /** Only these kinds are generated; all kinds of the files when absent. */
  readonly kinds?: readonly string[];
  readonly files: readonly ManifestFile[];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function text(record: Record<string, unknown>, key: string, where: string): string {
  const value = record[key];
  if (typeof value !== "string" || value === "")
    throw new Error(`${where}.${key}: expected a non-empty string`);
  return value;
}

function parseFile(value: unknown, where: string): ManifestFile {
  if (!isRecord(value)) throw new Error(`${where}: expected an object`);
  const sha256 = text(value, "sha256", where);
  if (!/^[0-9a-f]{64}$/.test(sha256)) throw new Error(`${where}.sha256: expected 64 hex digits`);
  return { file: text(value, "file", where), url: text(value, "url", where), sha256 };
}

function parseKinds(value: unknown, where: string): readonly string[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value) || !value.every((kind) => typeof kind === "string")) {
    throw new Error(`${where}.kinds: expected a list of kind names`);
  }
  return value;
}

function parseInput(value: unknown, where: string): ManifestInput {
  if (!isRecord(value)) throw new Error(`${where}: expected an object`);
  const files = value.files;
  if (!Array.isArray(files) || files.length === 0)
    throw new Error(`${where}.files: expected a non-empty list`);
  const kinds = parseKinds(value.kinds, where);
  return {
    project: text(value, "project", where),
    repository: text(value, "repository", where),
    commit: text(value, "commit", where),
    version: text(value, "version", where),
    latestRelease: text(value, "latestRelease", where),
    license: text(value, "license", where),
    ...(kinds ? { kinds } : {}),
    files: files.map((file, index) => parseFile(file, `${where}.files[${index}]`)),
  };
}

export async function readManifest(path: string): Promise<readonly ManifestInput[]> {
  const data: unknown = JSON.parse(await readFile(path, "utf8"));
  if (!isRecord(data) || !Array.isArray(data.inputs))
    throw new Error(`${path}: expected { "inputs": [...] }`);
  return data.inputs.map((input, index) => parseInput(input, `${path}: inputs[${index}]`));
}
