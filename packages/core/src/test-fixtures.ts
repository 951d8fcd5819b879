/**
 * Shared fixtures for core's own tests (not exported from the package): small apps, clusters, objects and helpers
 * to compare whole folders on disk.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { dirname, join, relative, sep } from "node:path";
import { ConfigMap } from "kubernetes-models/v1/ConfigMap";
import { onTestFinished } from "vitest";
import { parseAllDocuments } from "yaml";
import type { App, Component, NamespaceComponent } from "./app.js";
import { appRef, defineApp } from "./app.js";
import type { Cluster } from "./cluster.js";
import type { ChartSource } from "./flux.js";
import { helmApp } from "./helm.js";
import type { KubeObject } from "./object.js";
import type { RenderedCluster } from "./render.js";
import { renderCluster } from "./render.js";
import type { ClusterSettings } from "./settings.js";
import { testSettings } from "./testing.js";

export const ROOT = "clusters/test";

export const CHART: ChartSource = { url: "oci://ghcr.io/example/charts/podinfo", tag: "6.9.0" };

/** `${body}` as Flux writes a substitution, without a template-looking string literal in the tests. */
export function subst(body: string): string {
  return `\${${body}}`;
}

export function configMap(
  name: string,
  data: Record<string, string> = {},
  annotations?: Record<string, string>,
) {
  return new ConfigMap({ metadata: { name, annotations }, data });
}

/** An object of a custom resource kind, the way a model class for a CRD would build it. */
export function customObject(apiVersion: string, kind: string, name: string, namespace?: string): KubeObject {
  const metadata = namespace ? { name, namespace } : { name };
  return { apiVersion, kind, metadata, toJSON: () => ({ apiVersion, kind, metadata }) };
}

export interface DemoOptions {
  /** podinfo's replicas value: change it to change one generated file. @default 2 */
  readonly replicas?: number;
  /** Render podinfo's `config` stage. @default true */
  readonly stage?: boolean;
  /** Render the `tools` namespace with its echo app. @default true */
  readonly tools?: boolean;
  /** Hand-written files podinfo lists. @default [] */
  readonly files?: readonly string[];
}

/** A chart app `apps/podinfo` with a config stage, and a chart app `tools/echo`, each part optional. */
export function demoApps(options: DemoOptions = {}): App[] {
  const { replicas = 2, stage = true, tools = true, files = [] } = options;
  const podinfo = helmApp({
    name: "podinfo",
    namespace: "apps",
    layer: "apps",
    chart: CHART,
    values: { replicas },
    files,
  });
  const config = defineApp({
    name: "podinfo-config",
    namespace: "apps",
    layer: "apps",
    folder: "podinfo",
    dir: "config",
    objects: [configMap("podinfo-settings", { greeting: "hello" })],
    uses: [appRef(podinfo)],
  });
  const echo = helmApp({ name: "echo", namespace: "tools", layer: "platform", chart: CHART });
  return [podinfo, ...(stage ? [config] : []), ...(tools ? [echo] : [])];
}

export interface ClusterParts {
  readonly settings?: ClusterSettings;
  readonly namespaceComponents?: readonly NamespaceComponent[];
}

export function clusterOf(apps: readonly App[], parts: ClusterParts = {}): Cluster {
  const component: Component = { name: "test", apps, namespaceComponents: parts.namespaceComponents };
  return { settings: parts.settings ?? testSettings(), components: [component] };
}

export function render(apps: readonly App[], parts: ClusterParts = {}): RenderedCluster {
  return renderCluster(clusterOf(apps, parts), { root: ROOT });
}

/** The documents of a rendered YAML file as plain data. */
export function documents(rendered: RenderedCluster, path: string): Record<string, unknown>[] {
  const content = rendered.files.get(path);
  if (content === undefined) throw new Error(`not rendered: ${path}`);
  return parseAllDocuments(content).map((doc) => doc.toJS() as Record<string, unknown>);
}

/** A fresh folder under the OS temp dir, removed when the test finishes. */
export async function tempDir(): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), "k8s-ops-core-"));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  return dir;
}

/** Every file under `dir` by its `/`-separated relative path, with its content. */
export async function readTree(dir: string): Promise<Record<string, string>> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  const files = entries.filter((entry) => entry.isFile()).map((entry) => join(entry.parentPath, entry.name));
  const tree: Record<string, string> = {};
  for (const file of files.sort())
    tree[relative(dir, file).split(sep).join("/")] = await readFile(file, "utf8");
  return tree;
}

/** Every folder under `dir`, relative and `/`-separated, sorted. */
export async function readFolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isDirectory())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join("/"))
    .sort();
}

export async function writeHandFile(dir: string, path: string, content: string): Promise<void> {
  await mkdir(dirname(join(dir, path)), { recursive: true });
  await writeFile(join(dir, path), content);
}

/** The tree without k8s-ops' bookkeeping folder. */
export function withoutState(tree: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(tree).filter(([path]) => !path.startsWith(".k8s-ops/")));
}
