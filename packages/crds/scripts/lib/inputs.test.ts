import { createHash } from "node:crypto";
import { mkdir, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { prepareInput } from "./inputs.ts";
import type { ManifestInput } from "./manifest.ts";

const crd = (kind: string, spec: object) =>
  [
    "apiVersion: apiextensions.k8s.io/v1",
    "kind: CustomResourceDefinition",
    `metadata: { name: ${kind.toLowerCase()}s.example.com }`,
    "spec:",
    "  group: example.com",
    `  names: { kind: ${kind}, plural: ${kind.toLowerCase()}s }`,
    "  scope: Namespaced",
    `  versions: [{ name: v1, served: true, storage: true, schema: { openAPIV3Schema: ${JSON.stringify(spec)} } }]`,
  ].join("\n");

const YAML = [
  crd("Widget", { type: "object", properties: { spec: { type: "object" } } }),
  crd("Gadget", {
    type: "object",
    properties: { size: { anyOf: [{ type: "integer" }, { type: "string" }], nullable: true } },
  }),
  "apiVersion: v1\nkind: ConfigMap\nmetadata: { name: not-a-crd }",
].join("\n---\n");

let dir = "";

function input(
  overrides: Partial<ManifestInput> = {},
  sha256 = createHash("sha256").update(YAML).digest("hex"),
) {
  const file = { file: "crds/demo/crds.yaml", url: "https://example.com/demo/0123/crds.yaml", sha256 };
  const base = { project: "demo", repository: "example/demo", commit: "0123", version: "v1.0.0" };
  return { ...base, latestRelease: "v1.0.0", license: "Apache-2.0", files: [file], ...overrides };
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), "crds-inputs-"));
  await mkdir(join(dir, "crds/demo"), { recursive: true });
  await writeFile(join(dir, "crds/demo/crds.yaml"), YAML);
});
afterEach(() => rm(dir, { recursive: true, force: true }));

describe("prepareInput", () => {
  it("keeps only CustomResourceDefinitions, and only the listed kinds", async () => {
    // GIVEN an input limited to Widget WHEN prepared
    const prepared = await prepareInput(input({ kinds: ["Widget"] }), { kind: "local", schemasDir: dir });
    // THEN the YAML stream holds the Widget CRD alone
    const docs = prepared.yaml.split("\n---\n").map((doc) => JSON.parse(doc));
    expect(docs.map((doc) => doc.spec.names.kind)).toEqual(["Widget"]);
  });

  it("turns `nullable` without `type` into an anyOf null branch and reports where", async () => {
    // GIVEN Gadget's int-or-string `size`, nullable WHEN prepared
    const prepared = await prepareInput(input({ kinds: ["Gadget"] }), { kind: "local", schemasDir: dir });
    // THEN size accepts null through anyOf and has no `nullable` left
    const [doc] = prepared.yaml.split("\n---\n").map((text) => JSON.parse(text));
    expect(doc.spec.versions[0].schema.openAPIV3Schema.properties.size).toEqual({
      anyOf: [{ type: "integer" }, { type: "string" }, { type: "null" }],
    });
    expect(prepared.fixes).toEqual(["Gadget/versions/0/schema/openAPIV3Schema/properties/size"]);
  });

  it("refuses a file whose bytes differ from the pinned sha256", async () => {
    // GIVEN a manifest pinning other bytes
    const pinned = "0".repeat(64);
    const actual = createHash("sha256").update(YAML).digest("hex");
    // THEN
    await expect(prepareInput(input({}, pinned), { kind: "local", schemasDir: dir })).rejects.toThrow(
      `${join(dir, "crds/demo/crds.yaml")}: sha256 is ${actual}, crds.json pins ${pinned}`,
    );
  });

  it("refuses a kind that the files do not define", async () => {
    await expect(
      prepareInput(input({ kinds: ["Widget", "Sprocket"] }), { kind: "local", schemasDir: dir }),
    ).rejects.toThrow("demo: kinds not found in its CRDs: Sprocket");
  });
});
