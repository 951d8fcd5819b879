import { type CheckFinding, finding } from "../finding.js";
import { FileSet, isObject, type Json, str, type TreeDocument } from "./documents.js";
import { type BuiltFolder, buildFolder, resolve, withNamespace } from "./kustomize.js";
import {
  type FluxKustomization,
  type FluxTree,
  kustomizationPath,
  SYNC_ID,
  type TreeObject,
} from "./model.js";
import { applyPatches } from "./patches.js";
import { substituteKustomization } from "./postbuild.js";

export interface WalkOptions {
  /** Names of the keys of the cluster's secret substitution source, whose values are not in git. @default [] */
  readonly secretVariables?: readonly string[];
}

interface Walk {
  readonly cluster: string;
  readonly root: string;
  readonly files: FileSet;
  readonly options: WalkOptions;
  readonly kustomizations: Map<string, FluxKustomization>;
  readonly objects: TreeObject[];
  readonly folders: Set<string>;
  readonly listed: Set<string>;
  readonly findings: CheckFinding[];
  readonly secretSourcesMissing: Set<string>;
}

/**
 * Reads a cluster's rendered files the way Flux does: from the FluxInstance sync of `<root>/flux`, every
 * Kustomization's path built with kustomize, its components added, targetNamespace set, patches applied and
 * variables substituted; then the Kustomizations it applies, and so on.
 */
export function walkTree(
  cluster: string,
  root: string,
  files: ReadonlyMap<string, string>,
  options: WalkOptions = {},
): FluxTree {
  const walk: Walk = {
    cluster,
    root,
    files: new FileSet(files, root),
    options,
    kustomizations: new Map(),
    objects: [],
    folders: new Set(),
    listed: new Set(),
    findings: [],
    secretSourcesMissing: new Set(),
  };
  const sync = {
    apiVersion: "kustomize.toolkit.fluxcd.io/v1",
    kind: "Kustomization",
    spec: { path: `./${root}/flux`, prune: true },
  };
  const queue: FluxKustomization[] = [
    { id: SYNC_ID, name: "flux-system", namespace: "flux-system", json: sync },
  ];
  for (let ks = queue.shift(); ks; ks = queue.shift()) {
    if (walk.kustomizations.has(ks.id)) continue;
    walk.kustomizations.set(ks.id, ks);
    queue.push(...applyKustomization(walk, ks));
  }
  const { kustomizations, objects, folders, listed, findings } = walk;
  return { cluster, root, kustomizations, objects, folders, listed, findings };
}

/** Builds one Kustomization, records its objects, returns the Kustomizations it applies. */
function applyKustomization(walk: Walk, ks: FluxKustomization): FluxKustomization[] {
  const spec = isObject(ks.json.spec) ? ks.json.spec : {};
  const dir = folderOf(walk, ks, spec.path);
  if (dir === undefined) return [];
  const at = kustomizationPath(walk.cluster, ks, "spec.path");
  const built = buildFolder(walk.files, dir, at);
  record(walk, built);
  let documents = [...built.documents, ...fluxComponents(walk, ks, dir, spec.components)];
  const target = str(spec.targetNamespace);
  if (target) documents = documents.map((doc) => withNamespace(doc, target));
  documents = applyPatches(documents, spec.patches);
  documents = substituteKustomization(walk, ks, documents);
  const objects = documents.map((doc) => toObject(doc, ks.id));
  walk.objects.push(...objects);
  return objects.filter(isFluxKustomization).map((object) => ({
    id: `${object.namespace ?? "default"}/${object.name}`,
    name: object.name,
    namespace: object.namespace ?? "default",
    json: object.json,
    file: object.file,
    owner: ks.id,
    dir: undefined,
  }));
}

function folderOf(walk: Walk, ks: FluxKustomization, path: unknown): string | undefined {
  const at = kustomizationPath(walk.cluster, ks, "spec.path");
  const prefix = `./${walk.root}/`;
  if (typeof path !== "string" || !path.startsWith(prefix)) {
    walk.findings.push(
      finding("FLUX_PATH", at, "spec.path is not a folder of this cluster", {
        expected: `a path starting with ${prefix}`,
        found: JSON.stringify(path ?? null),
      }),
    );
    return undefined;
  }
  const dir = resolve("", path.slice(prefix.length));
  walk.kustomizations.set(ks.id, { ...ks, dir });
  return dir;
}

/** Flux `spec.components`: folders relative to spec.path, each a kustomize Component. */
function fluxComponents(walk: Walk, ks: FluxKustomization, dir: string, components: unknown): TreeDocument[] {
  if (!Array.isArray(components)) return [];
  const documents: TreeDocument[] = [];
  for (const entry of components.filter((c): c is string => typeof c === "string")) {
    const target = resolve(dir, entry);
    const at = kustomizationPath(walk.cluster, ks, "spec.components");
    if (target === undefined) {
      walk.findings.push(finding("KUSTOMIZE_PATH", at, `component ${entry} is outside the cluster folder`));
      continue;
    }
    const built = buildFolder(walk.files, target, at, true);
    record(walk, built);
    documents.push(...built.documents);
  }
  return documents;
}

function record(walk: Walk, built: BuiltFolder): void {
  walk.findings.push(...built.findings);
  for (const folder of built.folders) walk.folders.add(folder);
  for (const file of built.files) walk.listed.add(file);
}

function toObject(doc: TreeDocument, owner: string): TreeObject {
  const metadata = isObject(doc.json.metadata) ? doc.json.metadata : {};
  return {
    file: doc.file,
    index: doc.index,
    json: doc.json,
    apiVersion: str(doc.json.apiVersion) ?? "",
    kind: str(doc.json.kind) ?? "",
    name: str(metadata.name) ?? "",
    namespace: str(metadata.namespace),
    owner,
  };
}

export function isFluxKustomization(object: Pick<TreeObject, "apiVersion" | "kind">): boolean {
  return object.kind === "Kustomization" && object.apiVersion.startsWith("kustomize.toolkit.fluxcd.io/");
}

export type { Json };
