// Reads an input's CRD files (from the shared schemas folder or upstream), checks their pinned sha256,
// keeps the selected kinds and normalises what crd-generate cannot compile.
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { parseAllDocuments } from "yaml";
import type { ManifestFile, ManifestInput } from "./manifest.ts";

export type Source = { readonly kind: "local"; readonly schemasDir: string } | { readonly kind: "upstream" };

type Json = Record<string, unknown>;

function isRecord(value: unknown): value is Json {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

async function fetchUpstream(url: string): Promise<Buffer> {
  const response = await fetch(url).catch((error: unknown) => {
    const cause = error instanceof Error && error.cause instanceof Error ? error.cause : error;
    throw new Error(`${url}: ${cause instanceof Error ? cause.message : String(cause)}`);
  });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status} ${response.statusText}`);
  return Buffer.from(await response.arrayBuffer());
}

async function readBytes(file: ManifestFile, source: Source): Promise<Buffer> {
  const bytes =
    source.kind === "local"
      ? await readFile(join(source.schemasDir, file.file))
      : await fetchUpstream(file.url);
  const sha256 = createHash("sha256").update(bytes).digest("hex");
  const from = source.kind === "local" ? join(source.schemasDir, file.file) : file.url;
  if (sha256 !== file.sha256) throw new Error(`${from}: sha256 is ${sha256}, crds.json pins ${file.sha256}`);
  return bytes;
}

function crdKind(doc: Json): string {
  const spec = doc.spec;
  const names = isRecord(spec) ? spec.names : undefined;
  const kind = isRecord(names) ? names.kind : undefined;
  if (typeof kind !== "string") throw new Error("a CustomResourceDefinition without spec.names.kind");
  return kind;
}

/**
 * crd-generate compiles schemas with ajv, which rejects `nullable` without `type`
 * (rook's `quotas.maxSize`: int-or-string written as `anyOf` + `nullable`). The same meaning in plain
 * JSON Schema is one more `anyOf` branch `{ type: "null" }`.
 */
function normaliseSchema(schema: unknown, path: string, fixes: string[]): void {
  if (Array.isArray(schema)) {
    for (const [index, item] of schema.entries()) normaliseSchema(item, `${path}/${index}`, fixes);
    return;
  }
  if (!isRecord(schema)) return;
  if ("nullable" in schema && !("type" in schema)) {
    if (!Array.isArray(schema.anyOf)) throw new Error(`${path}: "nullable" without "type" or "anyOf"`);
    if (schema.nullable === true) schema.anyOf = [...schema.anyOf, { type: "null" }];
    delete schema.nullable;
    fixes.push(path);
  }
  for (const [key, value] of Object.entries(schema)) normaliseSchema(value, `${path}/${key}`, fixes);
}

export interface PreparedInput {
  /** The selected CRDs as a YAML stream (JSON documents), ready for crd-generate. */
  readonly yaml: string;
  /** Schema paths changed by the normalisation. */
  readonly fixes: readonly string[];
}

export async function prepareInput(input: ManifestInput, source: Source): Promise<PreparedInput> {
  const crds: Json[] = [];
  for (const file of input.files) {
    const docs = parseAllDocuments((await readBytes(file, source)).toString("utf8"));
    for (const doc of docs) {
      const value: unknown = doc.toJSON();
      if (isRecord(value) && value.kind === "CustomResourceDefinition") crds.push(value);
    }
  }
  const wanted = input.kinds ? new Set(input.kinds) : undefined;
  const selected = wanted ? crds.filter((crd) => wanted.has(crdKind(crd))) : crds;
  const missing = [...(wanted ?? [])].filter((kind) => !selected.some((crd) => crdKind(crd) === kind));
  if (missing.length > 0)
    throw new Error(`${input.project}: kinds not found in its CRDs: ${missing.join(", ")}`);
  const fixes: string[] = [];
  for (const crd of selected) normaliseSchema(crd.spec, crdKind(crd), fixes);
  return { yaml: selected.map((crd) => JSON.stringify(crd)).join("\n---\n"), fixes };
}
