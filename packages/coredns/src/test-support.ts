// Helpers for this package's tests only (not exported from index.ts).
import { readFileSync } from "node:fs";
import type { Component } from "@k8s-ops/core";

/** The inline values of the component's HelmRelease. */
export function helmValues(component: Component): Record<string, unknown> {
  const release = component.apps[0]?.objects.find((object) => object.kind === "HelmRelease");
  const json = release?.toJSON() as { spec?: { values?: Record<string, unknown> } } | undefined;
  return json?.spec?.values ?? {};
}

/** The Corefile plugins of the first server block, by name. */
interface Plugin {
  readonly name: string;
  readonly parameters?: string;
  readonly configBlock?: string;
}

export function plugins(component: Component): Map<string, Plugin> {
  const [server] = helmValues(component).servers as { plugins: Plugin[] }[];
  return new Map((server?.plugins ?? []).map((plugin) => [plugin.name, plugin]));
}

/** The message an OptionError carries: the finding, then what was expected and what was found. */
export function message(path: string, text: string, expected: string, found: string): string {
  return [`OPTION coredns: ${path}: ${text}`, `  expected: ${expected}`, `  found:    ${found}`].join("\n");
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

/** The first ```yaml block of the README: the start of the example's rendered YAML. */
export function readmeYaml(readme: string): string {
  const text = readFileSync(readme, "utf8");
  const start = text.indexOf("```yaml\n") + "```yaml\n".length;
  return text.slice(start, text.indexOf("```", start));
}
