import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, readRepoFile, repoFiles } from "./repo-files.js";

/**
 * The README shape every component package follows: one line on what it deploys with an upstream link, the
 * usage example, the start of its rendered YAML, an options table, its exports, and what it does not cover.
 */
const SHAPE: { name: string; ok: (readme: string) => boolean }[] = [
  { name: "intro with an upstream link", ok: (r) => /^# .+\n\n[^#\n][^\n]*\]\(https?:\/\//.test(r) },
  { name: "## Usage with a ts example", ok: (r) => /^## Usage\b[\s\S]*?```ts\n/m.test(r) },
  { name: "## Rendered YAML with a yaml block", ok: (r) => /^## Rendered YAML\b[\s\S]*?```yaml\n/m.test(r) },
  {
    name: "## Options with an option/type/default/meaning table",
    ok: (r) => /^## Options\b[\s\S]*?^\|\s*option\s*\|\s*type\s*\|\s*default\s*\|\s*meaning\s*\|/im.test(r),
  },
  { name: "## Exports", ok: (r) => /^## Exports\b/m.test(r) },
  { name: "## Not covered", ok: (r) => /^## Not covered\b/m.test(r) },
];

/**
 * Packages whose README does not have that shape yet, with what is missing. The test fails on any package that
 * falls short and is not listed here; drop an entry once its README is fixed.
 */
const KNOWN_GAPS: Record<string, string> = {
  // renders nothing of its own (the CRDs come with Envoy Gateway) and takes one argument, not options
  "gateway-api": "## Rendered YAML with a yaml block, ## Options with an option/type/default/meaning table",
};

/** Component packages: the ones with a default-render snapshot (toolkit packages have their own shape). */
const packages = [
  ...new Set(repoFiles().flatMap((f) => /^packages\/([^/]+)\/package\.json$/.exec(f)?.[1] ?? [])),
]
  .filter((p) => existsSync(join(ROOT, "packages", p, "src", "__snapshots__")))
  .sort();

function gaps(pkg: string): string[] {
  const file = join("packages", pkg, "README.md");
  if (!existsSync(join(ROOT, file))) return ["README.md"];
  const readme = readRepoFile(file);
  return SHAPE.filter((s) => !s.ok(readme)).map((s) => s.name);
}

describe("package READMEs", () => {
  it("finds the component packages", () => {
    expect(packages.length).toBeGreaterThan(20);
  });

  it("have the shared shape, except the gaps listed", () => {
    // GIVEN each component package's README  WHEN checked against the shape
    const found = Object.fromEntries(
      packages.map((p) => [p, gaps(p).join(", ")]).filter(([, g]) => g !== ""),
    );
    if (Object.keys(found).length > 0) console.warn("README gaps:\n", found);
    // THEN every package falling short is a known gap
    expect(Object.entries(found).filter(([p, g]) => KNOWN_GAPS[p] !== g)).toEqual([]);
  });
});
