import { posix } from "node:path";
import { type CheckFinding, finding } from "../finding.js";
import { type FileSet, isObject, type Json, str, type TreeDocument } from "./documents.js";
import { isClusterScoped } from "./scope.js";

/** What a folder's kustomization.yaml builds to, as far as k8s-ops' trees use kustomize. */
export interface BuiltFolder {
  readonly documents: TreeDocument[];
  readonly findings: CheckFinding[];
  /** Every folder with a kustomization.yaml the build went through. */
  readonly folders: string[];
  /** Every file a kustomization.yaml listed that was read. */
  readonly files: string[];
}

const COMPONENT_API = "kustomize.config.k8s.io/v1alpha1";

/** Builds `dir` (relative to the cluster folder) the way `kustomize build` would, for the fields k8s-ops renders. */
export function buildFolder(files: FileSet, dir: string, at: string, component = false): BuiltFolder {
  const out: BuiltFolder = { documents: [], findings: [], folders: [], files: [] };
  visit(files, dir, at, out, new Set(), component);
  return out;
}

function visit(
  files: FileSet,
  dir: string,
  at: string,
  out: BuiltFolder,
  seen: Set<string>,
  component: boolean,
): void {
  const path = `${dir}/kustomization.yaml`;
  if (seen.has(dir)) return;
  if (!files.has(path)) {
    out.findings.push(
      finding("FLUX_PATH", at, `${files.where(dir)} has no kustomization.yaml`, {
        expected: files.where(path),
        found: "no file",
      }),
    );
    return;
  }
  const parsed = files.parse(path);
  if (parsed.error) {
    out.findings.push(finding("YAML_INVALID", files.where(path), "not valid YAML", { found: parsed.error }));
    return;
  }
  const kustomization = parsed.documents[0]?.json ?? {};
  if (component) checkComponent(files.where(path), kustomization, out);
  if (!out.folders.includes(dir)) out.folders.push(dir);
  seen.add(dir);
  const start = out.documents.length;
  for (const entry of list(kustomization.resources)) addResource(files, dir, entry, path, out, seen);
  for (const entry of list(kustomization.components)) {
    const target = resolve(dir, entry);
    if (target === undefined || !files.has(`${target}/kustomization.yaml`)) {
      out.findings.push(missing(files.where(path), "components", entry));
    } else visit(files, target, path, out, seen, true);
  }
  seen.delete(dir);
  const ns = str(kustomization.namespace);
  if (ns)
    out.documents.splice(start, Infinity, ...out.documents.slice(start).map((d) => withNamespace(d, ns)));
}

function addResource(
  files: FileSet,
  dir: string,
  entry: string,
  path: string,
  out: BuiltFolder,
  seen: Set<string>,
): void {
  const target = resolve(dir, entry);
  if (target !== undefined && files.has(target)) {
    const parsed = files.parse(target);
    out.files.push(target);
    if (parsed.error)
      out.findings.push(
        finding("YAML_INVALID", files.where(target), "not valid YAML", { found: parsed.error }),
      );
    out.documents.push(...parsed.documents);
  } else if (target !== undefined && files.has(`${target}/kustomization.yaml`)) {
    visit(files, target, path, out, seen, false);
  } else out.findings.push(missing(files.where(path), "resources", entry));
}

function checkComponent(path: string, kustomization: Json, out: BuiltFolder): void {
  if (kustomization.kind === "Component" && kustomization.apiVersion === COMPONENT_API) return;
  out.findings.push(
    finding("KUSTOMIZE_PATH", path, "a folder used as a component is not a kustomize Component", {
      expected: `kind: Component, apiVersion: ${COMPONENT_API}`,
      found: `kind: ${String(kustomization.kind)}, apiVersion: ${String(kustomization.apiVersion)}`,
    }),
  );
}

function missing(path: string, field: string, entry: string): CheckFinding {
  return finding(
    "KUSTOMIZE_PATH",
    `${path}: ${field}`,
    `lists ${entry}, which does not exist in the cluster folder`,
    {
      expected: "a file or a folder with a kustomization.yaml",
      found: "nothing at that path",
    },
  );
}

/** A path relative to `dir`, normalised; undefined if it leaves the cluster folder. */
export function resolve(dir: string, entry: string): string | undefined {
  const joined = posix.normalize(posix.join(dir, entry));
  return joined.startsWith("..") || posix.isAbsolute(joined) ? undefined : joined.replace(/\/$/, "");
}

function list(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((v): v is string => typeof v === "string") : [];
}

/** The document with `metadata.namespace` set, as kustomize's `namespace:` does for namespaced kinds. */
export function withNamespace(doc: TreeDocument, namespace: string): TreeDocument {
  const kind = str(doc.json.kind) ?? "";
  if (isClusterScoped(kind)) return doc;
  const metadata = isObject(doc.json.metadata) ? doc.json.metadata : {};
  return { ...doc, json: { ...doc.json, metadata: { ...metadata, namespace } } };
}
