import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { codeShape, readmeExample, readmeShows, readmeYaml } from "./index.js";

const dir = mkdtempSync(join(tmpdir(), "k8s-ops-testing-"));

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

const TEST = file(
  "demo.test.ts",
  [
    'it("renders the README example", () => {',
    "  // README:start",
    "  const demo = build({",
    '    name: "demo",',
    "  });",
    "  // README:end",
    "  // ROUTE:start",
    '  const route = httpRoute({ name: "web" });',
    "  // ROUTE:end",
    "});",
    "",
  ].join("\n"),
);

const README = file(
  "README.md",
  [
    "# demo",
    "",
    "```ts",
    'const demo = build({ name: "demo" });',
    "```",
    "",
    "```yaml",
    "# ---- apps/demo/demo/ks.yaml",
    "kind: Kustomization",
    "```",
    "",
    "```yaml",
    "kind: Other",
    "```",
    "",
  ].join("\n"),
);

describe("codeShape", () => {
  it("ignores layout: whitespace and trailing commas", () => {
    // GIVEN the same call laid out twice WHEN shaped THEN both shapes are equal
    expect(codeShape("f({\n  a: 1,\n  b: [2, 3,],\n});")).toBe(codeShape("f({ a: 1, b: [2, 3] });"));
  });
});

describe("readmeExample", () => {
  it("takes the code between the markers, without the test's indentation", () => {
    // GIVEN a test file with a README block WHEN the example is read THEN it is the block, dedented
    expect(readmeExample(TEST)).toBe('const demo = build({\n  name: "demo",\n});');
  });

  it("reads another marker", () => {
    // GIVEN a second block under another marker WHEN read by that marker THEN it is that block
    expect(readmeExample(TEST, "ROUTE")).toBe('const route = httpRoute({ name: "web" });');
  });

  it("throws when the markers are missing or the block is empty", () => {
    // GIVEN a file without the marker, and one with an empty block WHEN read THEN both throw
    expect(() => readmeExample(TEST, "NONE")).toThrow(`${TEST} has no // NONE:start … // NONE:end block`);
    const empty = file("empty.test.ts", "// README:start\n\n// README:end\n");
    expect(() => readmeExample(empty)).toThrow(
      `${empty}: the // README:start … // README:end block is empty`,
    );
  });
});

describe("readmeShows", () => {
  it("finds the example in the README whatever the formatter did to it", () => {
    // GIVEN a README with the example on one line WHEN checked THEN it shows it, and not the other block
    expect(readmeShows(README, TEST)).toBe(true);
    expect(readmeShows(README, TEST, "ROUTE")).toBe(false);
  });
});

describe("readmeYaml", () => {
  it("gives the first yaml block", () => {
    // GIVEN a README with two yaml blocks WHEN read THEN the first one comes back
    expect(readmeYaml(README)).toBe("# ---- apps/demo/demo/ks.yaml\nkind: Kustomization\n");
  });

  it("throws when the README has no yaml block", () => {
    // GIVEN a README without YAML WHEN read THEN it throws naming the file
    const bare = file("BARE.md", "# bare\n");
    expect(() => readmeYaml(bare)).toThrow(`${bare} has no \`\`\`yaml block`);
  });
});
