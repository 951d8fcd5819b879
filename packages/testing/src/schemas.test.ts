import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { repositoryRoot, SCHEMAS_DIR, schemaPresent, valuesErrors } from "./index.js";

const dir = mkdtempSync(join(tmpdir(), "k8s-ops-schemas-"));

function schema(name: string, content: object): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(content));
  return path;
}

const properties = {
  replicas: { type: "integer", minimum: 1 },
  email: { type: "string", format: "email" },
};
const DRAFT_07 = schema("draft-07.json", {
  $schema: "http://json-schema.org/draft-07/schema#",
  type: "object",
  properties,
  additionalProperties: false,
});
const DRAFT_2020 = schema("2020-12.json", {
  $schema: "https://json-schema.org/draft/2020-12/schema",
  type: "object",
  properties,
  $defs: { unused: { type: "string" } },
  unevaluatedProperties: false,
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe("repositoryRoot and SCHEMAS_DIR", () => {
  it("finds the repository from a folder inside it, and the schemas beside it", () => {
    // GIVEN a tree with pnpm-workspace.yaml at its top WHEN searched from deep inside THEN the top is found
    const root = mkdtempSync(join(tmpdir(), "k8s-ops-repo-"));
    writeFileSync(join(root, "pnpm-workspace.yaml"), "packages: []\n");
    mkdirSync(join(root, "packages", "demo", "src"), { recursive: true });
    expect(repositoryRoot(join(root, "packages", "demo", "src"))).toBe(root);
    // AND the schemas are looked for in shared/schemas beside this repository
    const repository = repositoryRoot() ?? "";
    expect(existsSync(join(repository, "pnpm-workspace.yaml"))).toBe(true);
    expect(SCHEMAS_DIR).toBe(join(repository, "..", "shared", "schemas"));
  });

  it("finds no repository outside one", () => {
    // GIVEN a folder with no pnpm-workspace.yaml above it WHEN searched THEN there is none
    expect(repositoryRoot("/")).toBeUndefined();
  });
});

describe("schemaPresent", () => {
  it("says a schema is there", () => {
    // GIVEN a schema file WHEN checked THEN it is present, without a warning
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    expect(schemaPresent(DRAFT_07)).toBe(true);
    expect(warn).not.toHaveBeenCalled();
  });

  it("warns visibly when a schema is absent", () => {
    // GIVEN a path with nothing there WHEN checked THEN it is absent and a warning names it
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const missing = join(dir, "missing.json");
    expect(schemaPresent(missing)).toBe(false);
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(`${missing} not found: skipping`));
  });
});

describe("valuesErrors", () => {
  it("finds no errors in valid values, under draft-07 and 2020-12", () => {
    // GIVEN values the schemas allow WHEN validated THEN there is no error
    const values = { replicas: 2, email: "ops@example.com" };
    expect(valuesErrors(DRAFT_07, values)).toEqual([]);
    expect(valuesErrors(DRAFT_2020, values)).toEqual([]);
  });

  it("reports every error, formats included (draft-07)", () => {
    // GIVEN values with three problems WHEN validated THEN all three are reported
    const errors = valuesErrors(DRAFT_07, { replicas: 0, email: "not-an-email", extra: true });
    expect(errors.map((e) => `${e.instancePath} ${e.keyword}`).sort()).toEqual([
      " additionalProperties",
      "/email format",
      "/replicas minimum",
    ]);
  });

  it("reads a 2020-12 schema with the 2020-12 vocabulary", () => {
    // GIVEN a 2020-12 schema with unevaluatedProperties WHEN given an unknown key THEN it is reported
    const errors = valuesErrors(DRAFT_2020, { replicas: 1, extra: true });
    expect(errors.map((e) => e.keyword)).toEqual(["unevaluatedProperties"]);
  });
});
