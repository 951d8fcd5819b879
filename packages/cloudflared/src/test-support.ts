// Helpers for this package's tests only (not exported from index.ts).
import { readFileSync } from "node:fs";
import {
  type App,
  type ClusterSettings,
  type Component,
  renderComponents,
  testSettings,
} from "@k8s-ops/core";

/** The inline values of the app's HelmRelease. */
export function helmValues(app: App): Record<string, unknown> {
  const release = app.objects.find((object) => object.kind === "HelmRelease");
  const json = release?.toJSON() as { spec?: { values?: Record<string, unknown> } } | undefined;
  return json?.spec?.values ?? {};
}

/** Code with layout removed (whitespace, trailing commas), so formatting never decides whether two snippets match. */
export function codeShape(code: string): string {
  return code.replace(/\s+/g, "").replace(/,([}\])])/g, "$1");
}

/** The code between `// README:start` and `// README:end` in a test file: the example the README shows. */
export function readmeExample(testFile: string): string {
  const source = readFileSync(testFile, "utf8");
  const start = source.indexOf("// README:start\n") + "// README:start\n".length;
  return source.slice(start, source.indexOf("// README:end"));
}

/** Whether the README shows the example (compared by shape: the formatter lays code blocks out on its own). */
export function readmeShows(readme: string, testFile: string): boolean {
  return codeShape(readFileSync(readme, "utf8")).includes(codeShape(readmeExample(testFile)));
}

/**
 * Like core's `componentYaml`, for a component that needs others to validate (a store, a gateway): renders them
 * together, throws with every finding, and returns the YAML of the component's own folders only.
 */
export function componentYamlWith(
  component: Component,
  others: readonly Component[],
  settings: ClusterSettings = testSettings(),
): string {
  const rendered = renderComponents([...others, component], settings);
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
