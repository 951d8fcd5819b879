// `pnpm bench` (full, ~10 minutes) or `pnpm bench --quick` (smoke run, under a minute): measures, prints the
// tables and PASS / MISS per target, writes results/<mode>.json (full: results/latest.json and docs/performance.md).
import { mkdir, mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { coldComparison } from "./cold.ts";
import type { FleetSize } from "./fleet.ts";
import { fleetRun } from "./fleet-run.ts";
import { machine } from "./machine.ts";
import { kustomizePeer } from "./peers.ts";
import { resultsMarkdown } from "./report.ts";
import { judge, type Results } from "./results.ts";
import { replaceBetween } from "./table.ts";
import { turboBench } from "./turbo.ts";
import { warmPhases } from "./warm.ts";

const quick = process.argv.includes("--quick");
const BENCH_DIR = resolve(import.meta.dirname, "..");
const REPO = resolve(BENCH_DIR, "..");
const FULL_FLEET: FleetSize[] = [
  { clusters: 1, appsPerCluster: 100 },
  { clusters: 10, appsPerCluster: 100 },
  { clusters: 50, appsPerCluster: 200 },
];
const QUICK_FLEET: FleetSize[] = [
  { clusters: 1, appsPerCluster: 100 },
  { clusters: 3, appsPerCluster: 100 },
];
/** A component only the infra cluster uses: changing it must re-render infra (and apps, which imports infra). */
const CHANGED_COMPONENT = "@k8s-ops/kromgo";
const NOTE =
  "The machine was shared with other work during the run (see the load average): wall times carry that noise; " +
  "CPU times and peak RSS do much less.";

const step = (text: string) => console.error(`bench: ${text}`);

async function main(): Promise<void> {
  const tmp = await mkdtemp(join(tmpdir(), "k8s-ops-bench-"));
  const info = machine();
  step(`${quick ? "quick" : "full"} run in ${tmp}; load average ${info.loadAverage} on ${info.cores} cores`);
  step("both real clusters and the peers on the same objects (cdk8s, yaml), fresh processes, interleaved");
  const cold = await coldComparison(tmp, quick ? 1 : 5);
  step("kubectl kustomize over the rendered tree");
  const kustomize = await kustomizePeer(join(tmp, "cold-cached-0"));
  if (!kustomize) console.warn("bench: kubectl is not on the PATH; the kustomize comparison is skipped");
  step("warm phases in this process");
  const warm = await warmPhases(tmp, quick ? 2 : 5);
  const fleet = [];
  for (const size of quick ? QUICK_FLEET : FULL_FLEET) {
    step(`fleet ${size.clusters} × ${size.appsPerCluster}`);
    fleet.push(await fleetRun(size));
  }
  let turbo: Results["turbo"];
  if (quick) step("turbo: skipped in --quick mode");
  else {
    step("turbo in a temporary copy of the repository");
    turbo = await turboBench(REPO, join(tmp, "repo"), CHANGED_COMPONENT);
  }
  const partial = {
    date: new Date().toISOString(),
    mode: quick ? "quick" : "full",
    machine: info,
    note: NOTE,
    cold,
    warm,
    kustomize,
    fleet,
    turbo,
  } as const;
  const results: Results = { ...partial, targets: judge(partial) };
  await publish(results);
  await rm(tmp, { recursive: true, force: true });
}

async function publish(results: Results): Promise<void> {
  const markdown = resultsMarkdown(results);
  console.log(markdown);
  await mkdir(join(BENCH_DIR, "results"), { recursive: true });
  const file = join(BENCH_DIR, "results", quick ? "quick.json" : "latest.json");
  await writeFile(file, `${JSON.stringify(results, null, 2)}\n`);
  step(`wrote ${file}`);
  if (quick) return;
  const doc = join(REPO, "docs/performance.md");
  const before = await readFile(doc, "utf8").catch(() => "# Performance\n");
  await writeFile(doc, replaceBetween(before, "<!-- bench:start -->", "<!-- bench:end -->", markdown));
  step(`updated ${doc}`);
}

await main();
