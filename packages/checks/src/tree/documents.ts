import { parseAllDocuments } from "yaml";

/** A JSON object as parsed from YAML. */
export type Json = Record<string, unknown>;

/** One YAML document of a file. */
export interface TreeDocument {
  readonly file: string;
  readonly index: number;
  readonly json: Json;
}

export interface ParsedFile {
  readonly documents: readonly TreeDocument[];
  /** Set when the file is not valid YAML. */
  readonly error?: string;
}

/**
 * Parses a file's documents the way Flux's kustomize does (YAML 1.1: `yes`, `on` are booleans), leaving out empty
 * documents and scalars.
 */
export function parseFile(file: string, text: string): ParsedFile {
  const documents: TreeDocument[] = [];
  for (const [index, doc] of parseAllDocuments(text, { version: "1.1" }).entries()) {
    const problem = doc.errors[0];
    if (problem) return { documents: [], error: problem.message.split("\n")[0] ?? problem.message };
    const json: unknown = doc.toJS({ maxAliasCount: -1 });
    if (isObject(json)) documents.push({ file, index, json });
  }
  return { documents };
}

export function isObject(value: unknown): value is Json {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

export function str(value: unknown): string | undefined {
  return typeof value === "string" ? value : undefined;
}

/** The value at a dotted path (`spec.chartRef.name`), or undefined. */
export function at(json: unknown, path: string): unknown {
  let value = json;
  for (const key of path.split(".")) {
    if (!isObject(value)) return undefined;
    value = value[key];
  }
  return value;
}

/** A file map with parsing done once per file. */
export class FileSet {
  readonly files: ReadonlyMap<string, string>;
  /** Repository-relative folder the paths are relative to, for findings. @default "" */
  readonly root: string;
  private readonly parsed = new Map<string, ParsedFile>();

  constructor(files: ReadonlyMap<string, string>, root = "") {
    this.files = files;
    this.root = root;
  }

  /** A path as findings name it: from the repository root. */
  where(path: string): string {
    return this.root ? `${this.root}/${path}` : path;
  }

  has(path: string): boolean {
    return this.files.has(path);
  }

  parse(path: string): ParsedFile {
    const cached = this.parsed.get(path);
    if (cached) return cached;
    const text = this.files.get(path);
    const result = text === undefined ? { documents: [], error: "no such file" } : parseFile(path, text);
    this.parsed.set(path, result);
    return result;
  }

  /** Files directly inside a folder. */
  filesIn(dir: string): string[] {
    const prefix = dir === "" || dir === "." ? "" : `${dir}/`;
    return [...this.files.keys()].filter(
      (p) => p.startsWith(prefix) && !p.slice(prefix.length).includes("/"),
    );
  }
}
