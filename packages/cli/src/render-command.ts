import { type CheckFinding, dedupe, formatCheckFinding, fromCore, isError, runChecks } from "@k8s-ops/checks";
import { commitWrite, hasChanges, InterruptedWrite, planWrite, type WritePlan } from "@k8s-ops/core";
import { checkInput, type LoadedCluster, loadAll, recoverAll } from "./clusters.js";
import { concerns } from "./locate.js";
import { type Output, printFindings, severityLabel } from "./output.js";
import { readSopsConfig } from "./repository.js";
import { stateFindings } from "./state.js";
import { discoverClusters, findRepoRoot, selectClusters } from "./workspace.js";
import { writableFindings } from "./writable.js";

export interface RenderCommandOptions {
  readonly cluster?: string;
  readonly check?: boolean;
  readonly cwd: string;
}

/** Exit codes of every k8s-ops command. */
export const EXIT = { ok: 0, findings: 1, usage: 2, failure: 3 } as const;

/** Test hook: stop (SIGKILL) after this many file operations of the write, as a crash would. */
export const INTERRUPT_ENV = "K8S_OPS_INTERRUPT_AFTER";

/**
 * Renders the selected clusters. Every cluster is loaded (cross-cluster invariants need them all); the selected ones
 * are rendered, validated and checked, and every write planned, before the first file is written: one problem
 * anywhere and no cluster's tree changes.
 */
export async function renderCommand(options: RenderCommandOptions, output: Output): Promise<number> {
  const started = performance.now();
  const repoRoot = findRepoRoot(options.cwd);
  const all = await discoverClusters(repoRoot);
  const selected = selectClusters(all, options.cluster, options.cwd);
  const broken = selected.flatMap(stateFindings);
  if (broken.length > 0) return fail(output, broken);
  // Only the folders this render writes: another cluster's render may be writing its own at the same time (turbo).
  await recoverAll(selected);
  const loaded = await loadAll(all);
  const outcome = renderFindings(loaded, new Set(selected.map((pkg) => pkg.id)), repoRoot);
  for (const warning of outcome.filter((f) => !isError(f)))
    output.err(`${severityLabel(warning)} ${formatCheckFinding(warning, { hint: false })}`);
  const findings = outcome.filter(isError);
  if (findings.length > 0) return fail(output, findings);
  const targets = loaded.filter((l) => selected.some((pkg) => pkg.id === l.pkg.id));
  const plans: WritePlan[] = [];
  for (const { pkg, rendered } of targets) if (rendered) plans.push(await planWrite(pkg.dir, rendered));
  const conflicts = plans.flatMap((plan) => plan.findings.map(fromCore));
  if (conflicts.length > 0) return fail(output, conflicts);
  if (options.check) return reportCheck(plans, output);
  const unwritable = plans.filter(hasChanges).flatMap(writableFindings);
  if (unwritable.length > 0) return fail(output, unwritable);
  for (const plan of plans) await commit(plan);
  for (const plan of plans) output.out(summary(plan, performance.now() - started));
  return EXIT.ok;
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

async function commit(plan: WritePlan): Promise<void> {
  const interruptAfter = Number(process.env[INTERRUPT_ENV] ?? Number.NaN);
  try {
    await commitWrite(plan, Number.isInteger(interruptAfter) ? { interruptAfter } : {});
  } catch (error) {
    // As a crash would: no clean-up, no message; the next command finishes the write from its journal.
    if (error instanceof InterruptedWrite) process.kill(process.pid, "SIGKILL");
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
