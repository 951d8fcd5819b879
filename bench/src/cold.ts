import { writeFile } from "node:fs/promises";
import { join } from "node:path";
import { type ChildReport, medianReport, runChild } from "./measure.ts";
import { type ObjectGroup, objectCount, renderedObjects } from "./objects.ts";

/** One fresh process of each tool, on the same objects. */
export interface ColdSet {
  /** k8s-ops: load, build, validate, serialize and write both real clusters. */
  readonly k8sOps: ChildReport;
  /** cdk8s `app.synth()` of the objects k8s-ops rendered. */
  readonly cdk8s: ChildReport;
  /** `yaml` stringify of the same objects: the floor of any renderer. */
  readonly yaml: ChildReport;
}

export interface ColdComparison {
  readonly rounds: number;
  readonly objects: number;
  readonly groups: number;
  /** Node's compile cache on for every process, primed by a discarded round: how the k8s-ops command runs. */
  readonly cached: ColdSet;
  /** No compile cache: every process parses and compiles all of its modules. */
  readonly uncached: ColdSet;
}

type Mode = "cached" | "uncached";

/**
 * Runs the three tools in fresh processes, round after round and tool after tool, so the machine's load falls on
 * all of them alike; reports the median of each. A first, discarded round renders the tree whose objects the peers
 * get and primes the compile cache.
 */
export async function coldComparison(tmp: string, rounds: number): Promise<ColdComparison> {
  const here = import.meta.dirname;
  const envOf = (mode: Mode): NodeJS.ProcessEnv =>
    mode === "cached"
      ? { NODE_COMPILE_CACHE: join(tmp, "compile-cache") }
      : { NODE_DISABLE_COMPILE_CACHE: "1" };
  const input = join(tmp, "objects.json");
  let groups: ObjectGroup[] = [];
  const runSet = async (mode: Mode, round: number): Promise<ColdSet> => {
    const env = envOf(mode);
    const out = join(tmp, `cold-${mode}-${round}`);
    const k8sOps = await runChild(join(here, "cold-child.ts"), [out], { env });
    if (round === 0) {
      groups = await renderedObjects(out);
      await writeFile(input, JSON.stringify(groups));
    }
    const cdk8sOut = join(tmp, `cdk8s-${mode}-${round}`);
    const cdk8s = await runChild(join(here, "cdk8s-child.ts"), [input, cdk8sOut], { env });
    const yaml = await runChild(join(here, "yaml-child.ts"), [input], { env });
    return { k8sOps, cdk8s, yaml };
  };
  const samples: Record<Mode, ColdSet[]> = { cached: [], uncached: [] };
  await runSet("cached", 0);
  for (let round = 1; round <= rounds; round += 1) {
    for (const mode of ["cached", "uncached"] as const) samples[mode].push(await runSet(mode, round));
  }
  return {
    rounds,
    objects: objectCount(groups),
    groups: groups.length,
    cached: medianSet(samples.cached),
    uncached: medianSet(samples.uncached),
  };
}

function medianSet(sets: readonly ColdSet[]): ColdSet {
  return {
    k8sOps: medianReport(sets.map((s) => s.k8sOps)),
    cdk8s: medianReport(sets.map((s) => s.cdk8s)),
    yaml: medianReport(sets.map((s) => s.yaml)),
  };
}
