// Helpers for this package's tests only (not exported from index.ts).
import { readFileSync } from "node:fs";
import {
  type App,
  type ClusterIssuerRef,
  type ClusterSettings,
  type Component,
  defineApp,
  reference,
  renderComponents,
  testSettings,
} from "@k8s-ops/core";

/** The test cluster, with the domain kept in the cluster secrets. */
export const settings: ClusterSettings = testSettings({ secretVariables: ["SECRET_DOMAIN"] });

/**
 * What the gateways need from cert-manager, as the cert-manager component provides it: an app serving the
 * cert-manager.io CRDs and an issuers stage with the production ClusterIssuer.
 */
export function certManagerStub(): Component & { issuers: { production: ClusterIssuerRef } } {
  const controller = defineApp({
    name: "cert-manager",
    namespace: "cert-manager",
    layer: "controllers",
    objects: [],
    crds: ["cert-manager.io/*", "acme.cert-manager.io/*"],
  });
  const issuers = defineApp({
    name: "cert-manager-issuers",
    namespace: "cert-manager",
    layer: "config",
    folder: "cert-manager",
    dir: "issuers",
    objects: [],
  });
  return {
    name: "cert-manager",
    apps: [controller, issuers],
    issuers: { production: reference("ClusterIssuer", issuers, "letsencrypt-production") },
  };
}

/**
 * Like core's `componentYaml`, for a component that needs others to validate: renders them together, throws with
 * every finding, and returns the YAML of the component's own folders only.
 */
export function componentYamlWith(
  component: Component,
  others: readonly Component[],
  clusterSettings: ClusterSettings = settings,
): string {
  const rendered = renderComponents([...others, component], clusterSettings);
  if (rendered.findings.length > 0) {
    throw new Error(rendered.findings.map((f) => `${f.code} ${f.path}: ${f.message}`).join("\n"));
  }
  const folders = component.apps.map((app) => `apps/${app.namespace}/${app.folder}/`);
  return [...rendered.files]
    .filter(([path]) => folders.some((folder) => path.startsWith(folder)))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([path, content]) => `# ---- ${path}\n${content}`)
    .join("\n");
}

export function app(component: Component, name: string): App {
  const found = component.apps.find((a) => a.name === name);
  if (!found) throw new Error(`no app ${name}`);
  return found;
}

/** The objects of one kind in an app, as the YAML shows them. */
export function objectsOf(component: Component, name: string, kind: string): Record<string, unknown>[] {
  return app(component, name)
    .objects.filter((object) => object.kind === kind)
    .map((object) => object.toJSON() as Record<string, unknown>);
}

/** The inline values of an app's HelmRelease. */
export function helmValues(component: Component, name: string): Record<string, unknown> {
  const [release] = objectsOf(component, name, "HelmRelease");
  return ((release?.spec as { values?: Record<string, unknown> } | undefined)?.values ?? {}) as Record<
    string,
    unknown
  >;
}

/** Code with layout removed (whitespace, trailing commas), so formatting never decides whether two snippets match. */
export function codeShape(code: string): string {
  return code.replace(/\s+/g, "").replace(/,([}\])])/g, "$1");
}

/** The code between `// README:start` and `// README:end` in a test file: the example the README shows. */
export function readmeExample(testFile: string, marker = "README"): string {
  const source = readFileSync(testFile, "utf8");
  const start = source.indexOf(`// ${marker}:start\n`) + `// ${marker}:start\n`.length;
  return source.slice(start, source.indexOf(`// ${marker}:end`));
}

/** Whether the README shows the example (compared by shape: the formatter lays code blocks out on its own). */
export function readmeShows(readme: string, testFile: string, marker = "README"): boolean {
  return codeShape(readFileSync(readme, "utf8")).includes(codeShape(readmeExample(testFile, marker)));
}

/** The first ```yaml block of the README: excerpts of the default render, separated by `# …` lines. */
export function readmeYaml(readme: string): string {
  const text = readFileSync(readme, "utf8");
  const start = text.indexOf("```yaml\n") + "```yaml\n".length;
  return text.slice(start, text.indexOf("```", start));
}
