import type { App, KustomizeComponent } from "./app.js";
import type { Cluster, ClusterFile } from "./cluster.js";
import { clusterApps } from "./cluster.js";
import type { Finding } from "./errors.js";
import { ValidationError } from "./errors.js";
import { resolveDependencies } from "./graph.js";
import { appPath } from "./paths.js";
import { provenanceValue } from "./provenance.js";
import { appDir, buildTree, objectFile } from "./render/tree.js";
import { yamlFile } from "./render/yaml.js";
import { settingsFindings, settingsVariables } from "./settings.js";
import {
  validateAppComponents,
  validateApps,
  validateComponentSchemas,
  validateNamespaceComponents,
} from "./validate/index.js";
import { SECRET_PLACEHOLDER } from "./validate/variables.js";

export interface RenderOptions {
  /** Repository-relative folder of the cluster package (Flux paths start there), e.g. `clusters/apps`. */
  readonly root: string;
  /**
   * Annotate each component's objects with the package and version that built it. Off for component snapshots,
   * which would otherwise change with every release of their own package. @default true
   */
  readonly provenance?: boolean;
}

/** A cluster rendered in memory: nothing is written until its findings are empty. */
export interface RenderedCluster {
  readonly name: string;
  readonly root: string;
  /** File contents by path relative to the cluster folder. */
  readonly files: ReadonlyMap<string, string>;
  /** Hand-written files the rendered kustomization.yaml files list, relative to the cluster folder. */
  readonly handWritten: readonly string[];
  readonly findings: readonly Finding[];
  readonly apps: number;
  readonly objects: number;
}

/** Renders a cluster: derives dependsOn, validates everything, lays the tree out. Pure: same cluster, same bytes. */
export function renderCluster(cluster: Cluster, options: RenderOptions): RenderedCluster {
  const { settings } = cluster;
  const apps = clusterApps(cluster);
  const graph = resolveDependencies(settings.name, apps, cluster.served ?? []);
  const publicVariables = settingsVariables(settings);
  const variables = new Set([...Object.keys(publicVariables), ...(settings.secretVariables ?? [])]);
  const handWritten = apps.flatMap((app) => app.files.map((file) => `${appDir(app)}/${file}`));
  const namespaceComponents = cluster.components.flatMap((component) => component.namespaceComponents ?? []);
  const appComponents = uniqueComponents(apps.flatMap((app) => app.components));
  const tree = buildTree({
    root: options.root,
    apps: graph.apps,
    variables: publicVariables,
    decryption: handWritten.some((file) => file.endsWith(".sops.yaml")),
    namespaceComponents,
    appComponents,
    provenance: options.provenance === false ? new Map() : provenanceByApp(cluster),
  });
  const secrets = Object.fromEntries(
    (settings.secretVariables ?? []).map((name) => [name, SECRET_PLACEHOLDER]),
  );
  const context = { cluster: settings.name, apps, variables, values: { ...secrets, ...publicVariables } };
  for (const file of cluster.files ?? []) tree.files.set(file.path, yamlFile(file.documents, file.schema));
  const findings = [
    ...settingsFindings(settings),
    ...folderFindings(settings.name, apps),
    ...fileFindings(settings.name, cluster.files ?? []),
    ...graph.findings,
    ...validateApps(context),
    ...validateNamespaceComponents(settings.name, namespaceComponents),
    ...validateComponentSchemas(settings.name, appComponents),
    ...validateAppComponents(context, publicVariables),
    ...componentFindings(settings.name, [...namespaceComponents, ...apps.flatMap((app) => app.components)]),
  ];
  return {
    name: settings.name,
    root: options.root,
    files: tree.files,
    handWritten,
    findings,
    apps: apps.length,
    objects: tree.objects,
  };
}

function provenanceByApp(cluster: Cluster): Map<App, string> {
  return new Map(
    cluster.components.flatMap(({ apps, source }) =>
      source === undefined ? [] : apps.map((app) => [app, provenanceValue(source)] as const),
    ),
  );
}

/** Renders and throws a ValidationError with every finding, for tests and scripts. */
export function renderOrThrow(cluster: Cluster, options: RenderOptions): RenderedCluster {
  const rendered = renderCluster(cluster, options);
  if (rendered.findings.length > 0) throw new ValidationError(rendered.findings);
  return rendered;
}

const RESERVED = ["flux/", "apps/", "components/", ".k8s-ops/"];

/** Extra files live beside the Flux tree, each path once, as relative YAML paths. */
function fileFindings(cluster: string, files: readonly ClusterFile[]): Finding[] {
  const seen = new Set<string>();
  const findings: Finding[] = [];
  for (const { path } of files) {
    const valid =
      /^[a-z0-9][a-z0-9._-]*(\/[a-z0-9][a-z0-9._-]*)*\.ya?ml$/.test(path) &&
      !RESERVED.some((dir) => path.startsWith(dir));
    if (!valid || seen.has(path)) {
      findings.push({
        code: valid ? "DUPLICATE_OBJECT" : "INVALID_NAME",
        path: `${cluster} › files: ${path}`,
        message: valid
          ? "two files at one path"
          : "a cluster file must be a relative .yaml path beside the Flux tree",
        expected: valid
          ? "each path once"
          : `lowercase segments ending in .yaml, not under ${RESERVED.join(", ")}`,
        found: path,
      });
    }
    seen.add(path);
  }
  return findings;
}

/** The same component may serve many apps; render it once. */
function uniqueComponents(components: readonly KustomizeComponent[]): KustomizeComponent[] {
  return [...new Map(components.map((component) => [component.name, component])).values()];
}

/** Two different components under one name would overwrite each other's folder. */
function componentFindings(cluster: string, components: readonly KustomizeComponent[]): Finding[] {
  const first = new Map<string, string>();
  const findings: Finding[] = [];
  for (const component of components) {
    const json = JSON.stringify(component.objects.map((object) => object.toJSON()));
    const seen = first.get(component.name);
    if (seen === undefined) first.set(component.name, json);
    else if (seen !== json) {
      findings.push({
        code: "DUPLICATE_OBJECT",
        path: `${cluster} › components/${component.name}`,
        message: "two different kustomize components share one name",
        expected: "one definition per component name",
        found: "two definitions",
      });
    }
  }
  return findings;
}

/** A hand-written file cannot take the name of a file k8s-ops generates in the same folder. */
function handWrittenNameFindings(cluster: string, app: App): Finding[] {
  const generated = new Set(["kustomization.yaml", ...app.objects.map((object) => objectFile(object.kind))]);
  return app.files
    .filter((file) => generated.has(file))
    .map((file) => ({
      code: "FILE_NOT_OWNED" as const,
      path: `${appPath(cluster, app)}: files`,
      message: "a hand-written file has the name of a file k8s-ops generates in the same folder",
      expected: `a name other than ${[...generated].sort().join(", ")}`,
      found: file,
    }));
}

function folderFindings(cluster: string, apps: readonly App[]): Finding[] {
  const owners = new Map<string, App>();
  const findings: Finding[] = [...apps.flatMap((app) => handWrittenNameFindings(cluster, app))];
  for (const app of apps) {
    const dir = appDir(app);
    const owner = owners.get(dir);
    if (owner) {
      findings.push({
        code: "DUPLICATE_OBJECT",
        path: appPath(cluster, app),
        message: "two apps render into the same folder",
        expected: "a folder/dir of its own for each app",
        found: `${dir} also used by ${owner.namespace}/${owner.name}`,
      });
    } else owners.set(dir, app);
  }
  return findings;
}
