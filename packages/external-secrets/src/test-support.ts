// Helpers for this package's tests only (not exported from index.ts).
import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import type { App } from "@k8s-ops/core";
import { Ajv, type ErrorObject } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule, { type FormatsPlugin } from "ajv-formats";

/** The upstream schemas beside the repository (`../shared/schemas`); absent on machines without them. */
export const SCHEMAS_DIR = fileURLToPath(new URL("../../../../shared/schemas", import.meta.url));

/** The inline values of the app's HelmRelease. */
export function helmValues(app: App): Record<string, unknown> {
  const release = app.objects.find((object) => object.kind === "HelmRelease");
  const json = release?.toJSON() as { spec?: { values?: Record<string, unknown> } } | undefined;
  return json?.spec?.values ?? {};
}

/** Validates Helm values against a chart's values.schema.json; returns the schema errors (none when valid). */
export function valuesErrors(schemaFile: string, values: unknown): ErrorObject[] {
  const schema = JSON.parse(readFileSync(schemaFile, "utf8")) as { $schema?: string };
  const options = { allErrors: true, strict: false };
  const ajv = schema.$schema?.includes("2020-12") ? new Ajv2020(options) : new Ajv(options);
  // ajv-formats is CommonJS: its default export is the plugin or, through Node's interop, a module holding it.
  const imported = addFormatsModule as unknown as { default?: FormatsPlugin };
  const addFormats = imported.default ?? (addFormatsModule as unknown as FormatsPlugin);
  addFormats(ajv);
  const validate = ajv.compile(schema);
  validate(values);
  return validate.errors ?? [];
}

/** Whether a schema file is there; warns visibly when it is not, so a skipped test never passes silently. */
export function schemaPresent(schemaFile: string): boolean {
  if (existsSync(schemaFile)) return true;
  console.warn(`schema ${schemaFile} not found: skipping the values-schema test`);
  return false;
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
