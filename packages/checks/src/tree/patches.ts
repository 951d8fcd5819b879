import { parse } from "yaml";
import { isObject, type Json, str, type TreeDocument } from "./documents.js";
import { groupOf } from "./scope.js";

interface Target {
  readonly group?: string;
  readonly version?: string;
  readonly kind?: string;
  readonly name?: string;
  readonly namespace?: string;
}

/**
 * Applies a Flux Kustomization's `spec.patches` to the documents it renders. Strategic-merge patches are merged
 * (maps recursively, lists replaced, as kustomize does for custom resources); JSON 6902 patches are left to
 * `kubectl kustomize`.
 */
export function applyPatches(documents: readonly TreeDocument[], patches: unknown): TreeDocument[] {
  if (!Array.isArray(patches)) return [...documents];
  let result = [...documents];
  for (const entry of patches) {
    if (!isObject(entry) || typeof entry.patch !== "string") continue;
    const patch: unknown = parse(entry.patch);
    if (!isObject(patch)) continue;
    const target = (isObject(entry.target) ? entry.target : targetOf(patch)) as Target;
    result = result.map((doc) =>
      matches(doc.json, target) ? { ...doc, json: mergePatch(doc.json, patch) } : doc,
    );
  }
  return result;
}

function targetOf(patch: Json): Target {
  const metadata = isObject(patch.metadata) ? patch.metadata : {};
  return { kind: str(patch.kind), name: str(metadata.name), namespace: str(metadata.namespace) };
}

function matches(json: Json, target: Target): boolean {
  const apiVersion = str(json.apiVersion) ?? "";
  const metadata = isObject(json.metadata) ? json.metadata : {};
  const checks: [string | undefined, string][] = [
    [target.group, groupOf(apiVersion)],
    [target.version, apiVersion.slice(apiVersion.indexOf("/") + 1)],
    [target.kind, str(json.kind) ?? ""],
    [target.name, str(metadata.name) ?? ""],
    [target.namespace, str(metadata.namespace) ?? ""],
  ];
  return checks.every(
    ([wanted, actual]) => wanted === undefined || new RegExp(`^(?:${wanted})$`).test(actual),
  );
}

/** The patch merged into the object; the patch's own apiVersion, kind and metadata name are the target's. */
function mergePatch(json: Json, patch: Json): Json {
  const { apiVersion: _a, kind: _k, metadata, ...rest } = patch;
  const merged = merge(json, rest) as Json;
  if (!isObject(metadata)) return merged;
  const { name: _n, namespace: _ns, ...meta } = metadata;
  return { ...merged, metadata: merge(merged.metadata ?? {}, meta) };
}

export function merge(base: unknown, patch: unknown): unknown {
  if (!isObject(base) || !isObject(patch)) return patch;
  const result: Json = { ...base };
  for (const [key, value] of Object.entries(patch)) {
    if (value === null) delete result[key];
    else result[key] = merge(base[key], value);
  }
  return result;
}
