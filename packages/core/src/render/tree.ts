import type { App, NamespaceComponent } from "../app.js";
import { compareText } from "../compare.js";
import { appKustomization, clusterEntry, clusterSettingsConfigMap, namespace } from "../flux.js";
import type { ResolvedApp } from "../graph.js";
import type { KubeObject } from "../object.js";
import { withProvenance } from "../provenance.js";
import { KUSTOMIZATION_SCHEMA, schemaUrl, yamlFile } from "./yaml.js";

export const SETTINGS_COMPONENT = "components/cluster-settings";

export interface TreeInput {
  /** Repository-relative folder of the cluster package, e.g. `clusters/apps`. */
  readonly root: string;
  readonly apps: readonly ResolvedApp[];
  readonly variables: Readonly<Record<string, string>>;
  readonly decryption: boolean;
  /** Namespace-wide components besides cluster-settings, in the order they are included. */
  readonly namespaceComponents: readonly NamespaceComponent[];
  /** Components apps add through Flux `spec.components`, each once. */
  readonly appComponents: readonly NamespaceComponent[];
  /** The provenance annotation value of each app's objects (apps of components that name no package: none). */
  readonly provenance: ReadonlyMap<App, string>;
}

/** Files of a rendered cluster, by path relative to the cluster folder, and how many objects they hold. */
export interface Tree {
  readonly files: Map<string, string>;
  objects: number;
}

/** Lays a cluster out the way the Flux community does: flux/ entry, apps/<namespace>/<app>/{ks.yaml, app/}. */
export function buildTree(input: TreeInput): Tree {
  const tree: Tree = { files: new Map(), objects: 0 };
  addEntry(tree, input);
  addSettingsComponent(tree, input.variables);
  for (const component of [...input.namespaceComponents, ...input.appComponents])
    addNamespaceComponent(tree, component);
  const namespaces = [...new Set(input.apps.map(({ app }) => app.namespace))].sort();
  const resources = namespaces.map((ns) => `./${ns}`);
  addFile(tree, "apps/kustomization.yaml", [kustomization({ resources })], KUSTOMIZATION_SCHEMA);
  for (const ns of namespaces) addNamespace(tree, input, ns);
  return tree;
}

function addFile(tree: Tree, path: string, documents: readonly unknown[], schema?: string): void {
  tree.files.set(path, yamlFile(documents, schema));
}

/** The provenance annotation value of an object, if a component package built it. */
type SourceOf = (object: KubeObject) => string | undefined;

function addObjects(tree: Tree, path: string, objects: readonly KubeObject[], sourceOf?: SourceOf): void {
  const first = objects[0];
  const sameKind = first && objects.every((o) => o.apiVersion === first.apiVersion && o.kind === first.kind);
  const schema = first && sameKind ? schemaUrl(first.apiVersion, first.kind) : undefined;
  const documents = objects.map((object) => {
    const json = object.toJSON() as Record<string, unknown>;
    const source = sourceOf?.(object);
    return source === undefined ? json : withProvenance(json, source);
  });
  addFile(tree, path, documents, schema);
  tree.objects += objects.length;
}

function kustomization(fields: { namespace?: string; components?: string[]; resources: string[] }): unknown {
  return { apiVersion: "kustomize.config.k8s.io/v1beta1", kind: "Kustomization", ...fields };
}

function addEntry(tree: Tree, input: TreeInput): void {
  addObjects(tree, "flux/ks.yaml", [clusterEntry(`./${input.root}/apps`, input.decryption)]);
  addFile(
    tree,
    "flux/kustomization.yaml",
    [kustomization({ resources: ["./ks.yaml"] })],
    KUSTOMIZATION_SCHEMA,
  );
}

/** cluster-settings in every namespace: Flux reads substituteFrom in the Kustomization's own namespace. */
function addSettingsComponent(tree: Tree, variables: Readonly<Record<string, string>>): void {
  addNamespaceComponent(tree, { name: "cluster-settings", objects: [clusterSettingsConfigMap(variables)] });
}

function addNamespaceComponent(tree: Tree, component: NamespaceComponent): void {
  const dir = `components/${component.name}`;
  const files = addObjectFiles(tree, dir, component.objects);
  const kustomize = { apiVersion: "kustomize.config.k8s.io/v1alpha1", kind: "Component", resources: files };
  addFile(tree, `${dir}/kustomization.yaml`, [kustomize], KUSTOMIZATION_SCHEMA);
}

function addNamespace(tree: Tree, input: TreeInput, ns: string): void {
  const apps = input.apps.filter(({ app }) => app.namespace === ns);
  const folders = [...new Set(apps.map(({ app }) => app.folder))].sort();
  const labels = Object.assign({}, ...apps.map(({ app }) => app.namespaceLabels));
  addObjects(tree, `apps/${ns}/namespace.yaml`, [namespace(ns, labels)]);
  const resources = ["./namespace.yaml", ...folders.map((folder) => `./${folder}/ks.yaml`)];
  const components = [
    SETTINGS_COMPONENT,
    ...input.namespaceComponents.map((c) => `components/${c.name}`),
  ].map((dir) => `../../${dir}`);
  addFile(
    tree,
    `apps/${ns}/kustomization.yaml`,
    [kustomization({ namespace: ns, components, resources })],
    KUSTOMIZATION_SCHEMA,
  );
  for (const folder of folders) {
    const stages = apps
      .filter(({ app }) => app.folder === folder)
      .sort((a, b) => compareText(a.app.name, b.app.name));
    const ks = new Map(
      stages.map(({ app, dependsOn }) => [
        appKustomization(app, `./${input.root}/${appDir(app)}`, dependsOn) as KubeObject,
        input.provenance.get(app),
      ]),
    );
    addObjects(tree, `apps/${ns}/${folder}/ks.yaml`, [...ks.keys()], (object) => ks.get(object));
    for (const { app } of stages) addAppFolder(tree, app, input.provenance.get(app));
  }
}

export function appDir(app: App): string {
  return `apps/${app.namespace}/${app.folder}/${app.dir}`;
}

/** The app's objects, one file per kind, listed with the hand-written files in its kustomization.yaml. */
function addAppFolder(tree: Tree, app: App, source: string | undefined): void {
  const files = addObjectFiles(tree, appDir(app), app.objects, source);
  const resources = [...files, ...app.files.map((file) => `./${file}`)].sort();
  addFile(tree, `${appDir(app)}/kustomization.yaml`, [kustomization({ resources })], KUSTOMIZATION_SCHEMA);
}

/** Writes objects one file per kind (`helmrelease.yaml`, `ocirepository.yaml`, …); returns `./file` entries. */
function addObjectFiles(tree: Tree, dir: string, objects: readonly KubeObject[], source?: string): string[] {
  const sourceOf = source === undefined ? undefined : () => source;
  const byFile = new Map<string, KubeObject[]>();
  for (const object of objects) {
    const file = objectFile(object.kind);
    byFile.set(file, [...(byFile.get(file) ?? []), object]);
  }
  for (const [file, group] of byFile) {
    addObjects(
      tree,
      `${dir}/${file}`,
      [...group].sort((a, b) => compareText(identity(a), identity(b))),
      sourceOf,
    );
  }
  return [...byFile.keys()].sort().map((file) => `./${file}`);
}

/**
 * The file a kind's objects go to: the kind in lower case, except Flux Kustomizations, which would take the name
 * of the folder's kustomization.yaml; they go to ks.yaml, where the community keeps them.
 */
export function objectFile(kind: string): string {
  return kind === "Kustomization" ? "ks.yaml" : `${kind.toLowerCase()}.yaml`;
}

function identity(object: KubeObject): string {
  return `${object.metadata?.namespace ?? ""}/${object.metadata?.name ?? ""}`;
}
