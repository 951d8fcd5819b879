import { describe, expect, it } from "vitest";
import { globToRegExp, readRepoFile, repoFiles } from "./repo-files.js";

interface Manifest {
  readonly name?: string;
  readonly private?: boolean;
  readonly version?: string;
}
interface ChangesetConfig {
  readonly changelog: unknown;
  readonly privatePackages: { version: boolean; tag: boolean };
  readonly baseBranch: string;
  readonly ignore: readonly string[];
}

const config = JSON.parse(readRepoFile(".changeset/config.json")) as ChangesetConfig;

/** Every workspace package manifest, found from pnpm-workspace.yaml's `packages:` globs. */
function manifests(): { path: string; manifest: Manifest }[] {
  const globs = [...readRepoFile("pnpm-workspace.yaml").matchAll(/^\s+-\s+(\S+)\s*$/gm)]
    .map((m) => m[1] as string)
    .filter((g) => !g.includes(":"))
    .map((g) => globToRegExp(`${g}/package.json`));
  return repoFiles()
    .filter((f) => globs.some((g) => g.test(f)))
    .map((path) => ({ path, manifest: JSON.parse(readRepoFile(path)) as Manifest }));
}

describe("changesets", () => {
  it("writes changelogs, and never versions or tags private packages (the clusters)", () => {
    // GIVEN .changeset/config.json  THEN changelogs are on and private packages are left alone
    expect(config.changelog).not.toBe(false);
    expect(config.privatePackages).toEqual({ version: false, tag: false });
    expect(config.baseBranch).toBe("main");
  });

  it("has every cluster package private", () => {
    // GIVEN the cluster packages  THEN each is private, so changesets never versions it
    const clusters = manifests().filter((m) => m.path.startsWith("clusters/"));
    expect(clusters.length).toBeGreaterThan(0);
    for (const { path, manifest } of clusters) expect(manifest.private, path).toBe(true);
  });

  it("gives every versioned package a name a changelog and a tag can carry", () => {
    // GIVEN the public packages  THEN each has a scoped, lower-case name and a semver version
    const versioned = manifests().filter((m) => m.manifest.private !== true);
    expect(versioned.length).toBeGreaterThan(0);
    for (const { path, manifest } of versioned) {
      expect(manifest.name, path).toMatch(/^@k8s-ops\/[a-z0-9][a-z0-9-]*$/);
      expect(manifest.version, path).toMatch(/^\d+\.\d+\.\d+(-[\w.]+)?$/);
    }
  });

  it("ignores only packages that exist", () => {
    // GIVEN the ignore list  THEN each entry names a workspace package
    const names = manifests().map((m) => m.manifest.name);
    for (const name of config.ignore) expect(names).toContain(name);
  });
});
