import { type CheckFinding, dedupe, finding, fromCore, runChecks } from "@k8s-ops/checks";
import { planWrite } from "@k8s-ops/core";
import { printJson, printReport, type ReportData } from "./check-output.js";
import { checkInput, type LoadedCluster, loadAll, settleFolders } from "./clusters.js";
import { buildRendered, type KustomizeSummary } from "./kustomize-tree.js";
import type { Output } from "./output.js";
import { EXIT } from "./render-command.js";
import { readSopsConfig } from "./repository.js";
import { discoverClusters, findRepoRoot } from "./workspace.js";

export interface CheckCommandOptions {
  readonly json?: boolean;
  readonly skipKustomize?: boolean;
  readonly cwd: string;
}

/**
 * Runs every check over every cluster of the repository, writing nothing: core's validation, the Flux graph as Flux
 * reads the tree, references, hygiene, CRD validation rules, cross-cluster invariants, policies, the committed tree
 * against a fresh render, and `kubectl kustomize` on every rendered folder. Exit 1 on any error.
 */
export async function checkCommand(options: CheckCommandOptions, output: Output): Promise<number> {
  const started = performance.now();
  const repoRoot = findRepoRoot(options.cwd);
  const packages = await discoverClusters(repoRoot);
  const { intact: readable, findings: broken } = await settleFolders(packages, output);
  const loaded = await loadAll(packages);
  // A folder k8s-ops cannot read, or whose bookkeeping is broken, is reported as such and read no further.
  const intact = loaded.filter((l) => readable.includes(l.pkg));
  const inputs = intact.flatMap((l) => checkInput(l, { strayFiles: true }) ?? []);
  const report = runChecks(inputs, { repository: { sopsConfig: readSopsConfig(repoRoot) } });
  const extra: CheckFinding[] = [];
  const summaries: KustomizeSummary[] = [];
  for (const input of inputs) {
    const built = await buildRendered(input.name, input.root, input.files, options.skipKustomize ?? false);
    extra.push(...built.findings);
    summaries.push(built.summary);
  }
  const sum = (key: keyof KustomizeSummary) => summaries.reduce((total, s) => total + s[key], 0);
  const kustomize: KustomizeSummary = { built: sum("built"), failed: sum("failed"), skipped: sum("skipped") };
  const findings = dedupe([
    ...broken,
    ...loaded.flatMap((l) => l.findings),
    ...(await treeFindings(intact)),
    ...report.findings,
    ...extra,
  ]);
  const data: ReportData = {
    clusters: loaded.map((l) => ({ name: l.cluster?.settings.name ?? l.pkg.id, root: l.pkg.root })),
    findings,
    cel: report.cel,
    kustomize,
    elapsed: performance.now() - started,
  };
  if (options.json) printJson(output, data);
  else printReport(output, data);
  return findings.some((f) => f.severity === "error") ? EXIT.findings : EXIT.ok;
}

/** What writing would meet on disk (files not owned, edited by hand, missing), and drift from a fresh render. */
async function treeFindings(loaded: readonly LoadedCluster[]): Promise<CheckFinding[]> {
  const findings: CheckFinding[] = [];
  for (const { pkg, rendered } of loaded) {
    if (!rendered) continue;
    const plan = await planWrite(pkg.dir, rendered);
    findings.push(...plan.findings.map(fromCore));
    const drift = [...plan.added, ...plan.changed, ...plan.removed];
    if (drift.length === 0) continue;
    findings.push(
      finding(
        "TREE_DRIFT",
        pkg.root,
        `${drift.length} committed file${drift.length === 1 ? "" : "s"} differ from a fresh render`,
        {
          severity: "warning",
          expected: "the committed tree equal to a fresh render",
          found: drift.slice(0, 3).join(", ") + (drift.length > 3 ? `, and ${drift.length - 3} more` : ""),
        },
      ),
    );
  }
  return findings;
}
