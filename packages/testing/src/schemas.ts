import { existsSync, readFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { Ajv, type ErrorObject } from "ajv";
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormatsModule, { type FormatsPlugin } from "ajv-formats";

/** The repository: the nearest folder at or above `from` with pnpm-workspace.yaml; undefined outside one. */
export function repositoryRoot(from: string = process.cwd()): string | undefined {
  for (let dir = resolve(from); ; dir = dirname(dir)) {
    if (existsSync(join(dir, "pnpm-workspace.yaml"))) return dir;
    if (dirname(dir) === dir) return undefined;
  }
}

/**
 * The upstream CRDs and chart values schemas, in `shared/schemas` beside the repository (found from the
 * working directory: the package a test runs in). Absent on machines without them: check `schemaPresent`.
 */
export const SCHEMAS_DIR = join(repositoryRoot() ?? process.cwd(), "..", "shared", "schemas");

/** Whether a schema file or folder is there; warns visibly when not, so a skip never passes silently. */
export function schemaPresent(file: string): boolean {
  if (existsSync(file)) return true;
  console.warn(
    `${file} not found: skipping the tests that check against it (upstream schemas: ${SCHEMAS_DIR})`,
  );
  return false;
}

/**
 * Validates Helm values against a chart's values.schema.json (JSON Schema 2020-12 or draft-07, as its
 * `$schema` says, with the standard formats); returns every schema error, none when the values are valid.
 */
export function valuesErrors(schemaFile: string, values: unknown): ErrorObject[] {
  const schema = JSON.parse(readFileSync(schemaFile, "utf8")) as { $schema?: string };
  const options = { allErrors: true, strict: false };
  const ajv = schema.$schema?.includes("2020-12") ? new Ajv2020(options) : new Ajv(options);
  addFormats(ajv);
  const validate = ajv.compile(schema);
  validate(values);
  return validate.errors ?? [];
}

/** ajv-formats is CommonJS: its default export is the plugin or, through Node's interop, a module with it. */
function addFormats(ajv: Ajv): void {
  const imported = addFormatsModule as unknown as { default?: FormatsPlugin };
  const plugin = imported.default ?? (addFormatsModule as unknown as FormatsPlugin);
  plugin(ajv);
}
