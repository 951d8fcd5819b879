import { existsSync } from "node:fs";
import { join } from "node:path";
import { readChangesets } from "@changesets/read";
import { type CheckFinding, finding } from "@k8s-ops/checks";
import { type LoadedCluster, loadForComparison, workingFiles } from "../clusters.js";
import { committedTree } from "../diff/base-tree.js";
import { resolveBase } from "../diff/git.js";
import { type Output, printFindings } from "../output.js";
import { EXIT } from "../render-command.js";
import { discoverClusters, findRepoRoot } from "../workspace.js";
import { type ChangedObject, changedObjects } from "./changed-objects.js";

export interface ChangesCommandOptions {
  readonly base?: string;
  readonly cwd: string;
}

/** How a package whose output changed is covered: by a new version, by a pending changeset, or not at all. */
interface PackageChange {
  readonly name: string;
  readonly objects: readonly ChangedObject[];
  readonly released?: string;
  readonly changeset?: string;
}

/**
 * Every component package whose rendered output differs from the base revision must come with a changeset (or
 * already carry a new version), so that what reaches a cluster is always in some package's changelog.
 */
export async function changesCommand(options: ChangesCommandOptions, output: Output): Promise<number> {
  const repoRoot = findRepoRoot(options.cwd);
  const base = resolveBase(repoRoot, options.base);
  const loaded = await loadForComparison(await discoverClusters(repoRoot), output);
  if (!loaded) return EXIT.findings;
  const objects = loaded.flatMap((l) => changedIn(repoRoot, base, l, output));
  const packages = byPackage(objects, await pendingChangesets(repoRoot));
  for (const change of packages) output.out(summary(change));
  const missing = packages.filter((p) => !p.released && !p.changeset).map(missingChangeset);
  if (missing.length > 0) {
    printFindings(output, missing, "add a changeset for each.");
    return EXIT.findings;
  }
  output.out(
    packages.length === 0
      ? `No component's output changed since ${base}.`
      : `Every changed component since ${base} has a changeset or a new version.`,
  );
  return EXIT.ok;
}

function changedIn(repoRoot: string, base: string, loaded: LoadedCluster, output: Output): ChangedObject[] {
  const { pkg, cluster } = loaded;
  const name = cluster?.settings.name ?? pkg.id;
  return changedObjects(
    name,
    pkg.root,
    committedTree(repoRoot, base, pkg.root, output),
    workingFiles(loaded),
  );
}

/** Package name → the changeset file that releases it, for every changeset not yet applied. */
async function pendingChangesets(repoRoot: string): Promise<Map<string, string>> {
  if (!existsSync(join(repoRoot, ".changeset"))) return new Map();
  const pending = new Map<string, string>();
  for (const changeset of await readChangesets(repoRoot)) {
    for (const release of changeset.releases) {
      if (release.type !== "none") pending.set(release.name, `.changeset/${changeset.id}.md`);
    }
  }
  return pending;
}

function byPackage(objects: readonly ChangedObject[], pending: ReadonlyMap<string, string>): PackageChange[] {
  const names = [...new Set(objects.map((o) => o.package))].sort();
  return names.map((name) => {
    const own = objects.filter((o) => o.package === name);
    // a version that differs from the base's on any object means the package was released with this change
    const released = own.find((o) => o.before !== undefined && o.after !== undefined && o.before !== o.after);
    return { name, objects: own, released: released?.after, changeset: pending.get(name) };
  });
}

function summary(change: PackageChange): string {
  const count = change.objects.length === 1 ? "1 object" : `${change.objects.length} objects`;
  const clusters = [...new Set(change.objects.map((o) => o.cluster))].join(", ");
  const cover = change.released
    ? `released as ${change.released}`
    : change.changeset
      ? `changeset ${change.changeset}`
      : "no changeset";
  return `${change.name}: ${count} changed (${clusters}); ${cover}`;
}

function missingChangeset(change: PackageChange): CheckFinding {
  const shown = change.objects.slice(0, 3).map((o) => `${o.cluster} › ${o.object}`);
  const more =
    change.objects.length > shown.length ? `, and ${change.objects.length - shown.length} more` : "";
  return finding("CHANGESET_MISSING", change.name, "its rendered output changed without a changeset", {
    expected: `a changeset in .changeset/ naming ${change.name}, or a new version of it`,
    found: `${shown.join(", ")}${more}`,
  });
}
