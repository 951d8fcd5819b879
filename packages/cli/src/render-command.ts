import { type CheckFinding, dedupe, formatCheckFinding, fromCore, isError, runChecks } from "@k8s-ops/checks";
import {
  type CommitOptions,
  commitWrite,
  hasChanges,
  InterruptedWrite,
  planWrite,
  type WritePlan,
} from "@k8s-ops/core";
import { checkInput, type LoadedCluster, loadAll, settleFolders } from "./clusters.js";
import { concerns } from "./locate.js";
import { type Output, printFindings, severityLabel } from "./output.js";
import { readSopsConfig } from "./repository.js";
import { holdSignals, Interrupted } from "./signals.js";
import { discoverClusters, findRepoRoot, selectClusters } from "./workspace.js";
import { writableFindings } from "./writable.js";
import { crash, writeOptions } from "./write-hooks.js";

export interface RenderCommandOptions {
  readonly cluster?: string;
  readonly check?: boolean;
  readonly cwd: string;
}

/** Exit codes of every k8s-ops command. */
export const EXIT = { ok: 0, findings: 1, usage: 2, failure: 3 } as const;

/**
 * Renders the selected clusters. Every cluster is loaded (cross-cluster invariants need them all); the selected ones
 * are rendered, validated and checked, and every write planned, before the first file is written: one problem
 * anywhere and no cluster's tree changes.
 */
export async function renderCommand(options: RenderCommandOptions, output: Output): Promise<number> {
  const repoRoot = findRepoRoot(options.cwd);
  const all = await discoverClusters(repoRoot);
  const selected = selectClusters(all, options.cluster, options.cwd);
  // Only the folders this render writes: another cluster's render may be writing its own at the same time (turbo).
  const { findings: broken } = await settleFolders(selected, output);
  if (broken.length > 0) return fail(output, broken);
  const loaded = await loadAll(all);
  const outcome = renderFindings(loaded, new Set(selected.map((pkg) => pkg.id)), repoRoot);
  for (const warning of outcome.filter((f) => !isError(f)))
    output.err(`${severityLabel(warning)} ${formatCheckFinding(warning, { hint: false })}`);
  const findings = outcome.filter(isError);
  if (findings.length > 0) return fail(output, findings);
  const targets = loaded.filter((l) => selected.some((pkg) => pkg.id === l.pkg.id));
  const plans: WritePlan[] = [];
  /** Milliseconds each cluster took: loading and rendering it, planning and writing its tree. */
  const spent = new Map<WritePlan, number>();
  for (const { pkg, rendered, ms } of targets) {
    if (!rendered) continue;
    const started = performance.now();
    const plan = await planWrite(pkg.dir, rendered);
    plans.push(plan);
    spent.set(plan, ms + performance.now() - started);
  }
  const conflicts = plans.flatMap((plan) => plan.findings.map(fromCore));
  if (conflicts.length > 0) return fail(output, conflicts);
  if (options.check) return reportCheck(plans, output);
  const unwritable = plans.filter(hasChanges).flatMap(writableFindings);
  if (unwritable.length > 0) return fail(output, unwritable);
  await commitAll(plans, (plan, ms) => output.out(summary(plan, (spent.get(plan) ?? 0) + ms)), output);
  return EXIT.ok;
}

/**
 * Writes the plans one after the other with the stop signals held: one that arrives lets the write under way finish,
 * starts no other, and then ends the command (`Interrupted`).
 */
async function commitAll(
  plans: readonly WritePlan[],
  written: (plan: WritePlan, ms: number) => void,
  output: Output,
): Promise<void> {
  const hold = holdSignals();
  const left = [...plans];
  try {
    while (left[0] && !hold.received()) {
      const plan = left[0];
      const started = performance.now();
      await commit(plan, writeOptions(hold, output));
      left.shift();
      written(plan, performance.now() - started);
    }
  } finally {
    hold.release();
  }
  const signal = hold.received();
  if (signal)
    throw new Interrupted(
      signal,
      left.filter(hasChanges).map((plan) => plan.rendered.root),
    );
}

/** Core's findings and load failures of the selected clusters, every check but the policies, cross-cluster ones. */
function renderFindings(
  loaded: readonly LoadedCluster[],
  selected: ReadonlySet<string>,
  repoRoot: string,
): CheckFinding[] {
  const mine = loaded.filter((l) => selected.has(l.pkg.id));
  const unloaded = loaded
    .filter((l) => !selected.has(l.pkg.id) && !l.cluster)
    .map((l) => crossClusterBlocked(l));
  const own = [...mine.flatMap((l) => l.findings), ...unloaded];
  const inputs = loaded.flatMap((l) => checkInput(l) ?? []);
  const names = new Set(mine.flatMap((l) => (l.cluster ? [l.cluster.settings.name] : [])));
  const report = runChecks(inputs, {
    groups: ["graph", "references", "hygiene", "crd-rules", "cross-cluster"],
    repository: { sopsConfig: readSopsConfig(repoRoot) },
  });
  const roots = inputs.map((i) => ({ name: i.name, root: i.root }));
  const checks = report.findings.filter((f) => isError(f) && concerns(f, names, roots));
  return dedupe([...own, ...checks]);
}

function crossClusterBlocked(loaded: LoadedCluster): CheckFinding {
  const first = loaded.findings[0];
  return {
    code: "CLUSTER_LOAD",
    severity: "warning",
    path: loaded.pkg.root,
    message: "the cluster does not load, so the cross-cluster invariants were not checked against it",
    expected: "every cluster of the repository loads",
    found: first ? `${first.code} ${first.path}: ${first.message}` : "a load failure",
  };
}

async function commit(plan: WritePlan, options: CommitOptions): Promise<void> {
  try {
    await commitWrite(plan, options);
  } catch (error) {
    if (error instanceof InterruptedWrite) await crash();
    throw error;
  }
}

function fail(output: Output, findings: readonly CheckFinding[]): number {
  printFindings(output, findings);
  return EXIT.findings;
}

function reportCheck(plans: readonly WritePlan[], output: Output): number {
  const stale = plans.filter(hasChanges);
  for (const plan of plans) {
    const root = plan.rendered.root;
    for (const path of plan.added) output.err(`missing   ${root}/${path}`);
    for (const path of plan.changed) output.err(`differs   ${root}/${path}`);
    for (const path of plan.removed) output.err(`stale     ${root}/${path}`);
  }
  if (stale.length === 0) {
    output.out(`${plans.map((p) => p.rendered.name).join(", ")}: committed trees equal a fresh render`);
    return EXIT.ok;
  }
  output.err(`the committed tree differs from a fresh render; run 'pnpm render' and commit the result`);
  return EXIT.findings;
}

function summary(plan: WritePlan, elapsed: number): string {
  const { rendered } = plan;
  const changes = `+${plan.added.length} ~${plan.changed.length} -${plan.removed.length}`;
  const totals = [
    plural(rendered.apps, "app"),
    plural(rendered.objects, "object"),
    plural(rendered.files.size, "file"),
  ];
  return `${rendered.name.padEnd(8)} ${totals.join(", ")} (${changes}) in ${Math.round(elapsed)} ms → ${rendered.root}`;
}

export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
