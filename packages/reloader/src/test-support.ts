// Helpers for this package's tests only (not exported from index.ts).
import { readFileSync } from "node:fs";
import type { App } from "@k8s-ops/core";

/** The inline values of the app's HelmRelease. */
export function helmValues(app: App | undefined): Record<string, unknown> {
  const release = app?.objects.find((object) => object.kind === "HelmRelease");
  const json = release?.toJSON() as { spec?: { values?: Record<string, unknown> } } | undefined;
  return json?.spec?.values ?? {};
}

/** The code between `// README:start` and `// README:end` in a test file: the example the README shows. */
export function readmeExample(testFile: string): string {
  const source = readFileSync(testFile, "utf8");
  const start = source.indexOf("// README:start\n");
  const end = source.indexOf("// README:end");
  const lines = source.slice(start + "// README:start\n".length, end).split("\n");
  const indent = Math.min(...lines.filter((l) => l.trim()).map((l) => l.length - l.trimStart().length));
  return lines
    .map((line) => line.slice(indent))
    .join("\n")
    .trimEnd();
}
