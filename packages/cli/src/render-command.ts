import {
  commitWrite,
  type Finding,
  hasChanges,
  planWrite,
  type RenderedCluster,
  renderCluster,
  ValidationError,
  type WritePlan,
} from "@k8s-ops/core";
import { type Output, printFindings } from "./output.js";
import {
  type ClusterPackage,
  discoverClusters,
  findRepoRoot,
  loadCluster,
  selectClusters,
} from "./workspace.js";

export interface RenderCommandOptions {
  readonly cluster?: string;
  readonly check?: boolean;
  readonly cwd: string;
}

/** Exit codes of every k8s-ops command. */
export const EXIT = { ok: 0, findings: 1, usage: 2, failure: 3 } as const;

/**
 * Renders the selected clusters. Everything is loaded, rendered and validated, and every write planned, before the
 * first file is written: one problem anywhere and no cluster's tree changes.
 */
export async function renderCommand(options: RenderCommandOptions, output: Output): Promise<number> {
  const started = performance.now();
  const repoRoot = findRepoRoot(options.cwd);
  const packages = selectClusters(await discoverClusters(repoRoot), options.cluster, options.cwd);
  const rendered = await renderAll(packages);
  if ("findings" in rendered) return fail(output, rendered.findings);
  const plans = await Promise.all(rendered.map(({ pkg, result }) => planWrite(pkg.dir, result)));
  const conflicts = plans.flatMap((plan) => plan.findings);
  if (conflicts.length > 0) return fail(output, conflicts);
  if (options.check) return reportCheck(plans, output);
  for (const plan of plans) await commitWrite(plan);
  for (const plan of plans) output.out(summary(plan, performance.now() - started));
  return EXIT.ok;
}

type Rendered = { pkg: ClusterPackage; result: RenderedCluster }[] | { findings: Finding[] };

async function renderAll(packages: readonly ClusterPackage[]): Promise<Rendered> {
  const results: { pkg: ClusterPackage; result: RenderedCluster }[] = [];
  const findings: Finding[] = [];
  for (const pkg of packages) {
    try {
      const result = renderCluster(await loadCluster(pkg), { root: pkg.root });
      findings.push(...result.findings);
      results.push({ pkg, result });
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      findings.push(...error.findings);
    }
  }
  return findings.length > 0 ? { findings } : results;
}

function fail(output: Output, findings: readonly Finding[]): number {
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
  const totals = [plural(rendered.apps, "app"), plural(rendered.objects, "object"), plural(rendered.files.size, "file")];
  return `${rendered.name.padEnd(8)} ${totals.join(", ")} (${changes}) in ${Math.round(elapsed)} ms → ${rendered.root}`;
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? "" : "s"}`;
}
