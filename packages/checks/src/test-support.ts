import {
  type ClusterSettings,
  type Component,
  type KubeObject,
  renderComponents,
  testSettings,
} from "@k8s-ops/core";
import type { ClusterInput, ClusterView, PolicyContext } from "./context.js";
import { walkTree } from "./tree/flux.js";
import { objectPath, type TreeObject } from "./tree/model.js";

/** An object for builders from a plain literal, for kinds without a model class (VolSync, CloudNativePG, …). */
export function raw(json: {
  apiVersion: string;
  kind: string;
  metadata: { name: string; namespace?: string; annotations?: Record<string, string> };
  [key: string]: unknown;
}): KubeObject {
  return { apiVersion: json.apiVersion, kind: json.kind, metadata: json.metadata, toJSON: () => json };
}

/** A cluster input rendered from components by core, with extra (hand-written) files beside it. */
export function inputOf(
  components: readonly Component[],
  options: {
    name?: string;
    settings?: Partial<ClusterSettings>;
    extra?: Record<string, string>;
    served?: readonly string[];
  } = {},
): ClusterInput {
  const settings = testSettings({ name: options.name ?? "test", ...options.settings });
  const rendered = renderComponents(components, settings, options.served ?? []);
  const files = new Map(rendered.files);
  for (const [path, text] of Object.entries(options.extra ?? {})) files.set(path, text);
  return {
    name: settings.name,
    root: `clusters/${settings.name}`,
    settings,
    files,
    handWritten: Object.keys(options.extra ?? {}),
    apps: components.flatMap((c) => c.apps),
    served: options.served ?? [],
  };
}

/** The input with its tree read, as a rule receives it. */
export function viewOf(input: ClusterInput): ClusterView {
  return {
    ...input,
    tree: walkTree(input.name, input.root, input.files, {
      secretVariables: input.settings.secretVariables ?? [],
    }),
  };
}

/** A rendered object as the tree reads it, applied by `owner`. */
export function treeObject(
  json: {
    apiVersion: string;
    kind: string;
    metadata: { name: string; namespace?: string; annotations?: Record<string, string> };
    [key: string]: unknown;
  },
  owner = "default/app",
): TreeObject {
  return {
    file: "apps/default/app/app/object.yaml",
    index: 0,
    json,
    apiVersion: json.apiVersion,
    kind: json.kind,
    name: json.metadata.name,
    namespace: json.metadata.namespace,
    owner,
  };
}

export const POLICY_CONTEXT: PolicyContext = {
  cluster: "test",
  pathOf: (object, field) => objectPath("test", object, field),
};

/** A cluster view of hand-written files (cluster `demo` in `clusters/demo`), for rules on trees core would not render. */
export function viewOfFiles(files: Record<string, string>, extra: Partial<ClusterInput> = {}): ClusterView {
  return viewOf({
    name: "demo",
    root: "clusters/demo",
    settings: testSettings({ name: "demo" }),
    files: new Map(Object.entries(files)),
    ...extra,
  });
}

/** The entry files of a hand-written tree: flux/ applies ks.yaml with the given Kustomization documents. */
export function entry(kustomizations: string): Record<string, string> {
  return { "flux/kustomization.yaml": "resources: [./ks.yaml]\n", "flux/ks.yaml": kustomizations };
}

/** A Flux Kustomization document of the hand-written test trees, in flux-system, applying `path`. */
export function ksDoc(name: string, path: string, spec = ""): string {
  return `---\napiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata: {name: ${name}, namespace: flux-system}\nspec:\n  interval: 1h\n  prune: true\n  path: ./clusters/demo/${path}\n  sourceRef: {kind: GitRepository, name: flux-system, namespace: flux-system}\n${spec}`;
}

/** `CODE path: message` of each finding, for exact-message assertions. */
export function lines(findings: readonly { code: string; path: string; message: string }[]): string[] {
  return findings.map((f) => `${f.code} ${f.path}: ${f.message}`);
}
