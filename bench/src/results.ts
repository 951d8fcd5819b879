import type { ColdComparison } from "./cold.ts";
import type { FleetResult } from "./fleet-run.ts";
import type { Machine } from "./machine.ts";
import type { KustomizeRun } from "./peers.ts";
import type { Target } from "./table.ts";
import type { TurboBench } from "./turbo.ts";
import type { WarmPhases } from "./warm.ts";

/** Everything one `pnpm bench` run measured: written to bench/results/latest.json. */
export interface Results {
  readonly date: string;
  readonly mode: "full" | "quick";
  readonly machine: Machine;
  readonly note: string;
  /** Both real clusters in fresh processes beside cdk8s and yaml on the same objects (medians, interleaved). */
  readonly cold: ColdComparison;
  readonly warm: WarmPhases;
  readonly kustomize?: KustomizeRun;
  readonly fleet: readonly FleetResult[];
  readonly turbo?: TurboBench;
  readonly targets: readonly Target[];
}

const WALL_LIMIT_MS = 30_000;
const RSS_LIMIT_MIB = 1024;
const NOOP_LIMIT_MS = 1500;

/** The targets of the issue, judged on this run's figures. */
export function judge(r: Omit<Results, "targets">): Target[] {
  const { k8sOps, cdk8s: peer } = r.cold.cached;
  const cold = k8sOps.wallMs;
  const kustomize: Target = r.kustomize
    ? {
        name: "cold render+validate+write of both clusters faster than kubectl kustomize over the same tree",
        pass: cold < r.kustomize.wallMs,
        detail: `${ms(cold)} vs ${ms(r.kustomize.wallMs)} (${r.kustomize.dirs} folders)`,
      }
    : { name: "faster than kubectl kustomize", pass: undefined, detail: "kubectl not on the PATH" };
  const uncached = r.cold.uncached;
  const cdk8s: Target = {
    name: "cold render+validate+write faster than cdk8s synth of the same objects (fresh processes, compile cache on)",
    pass: cold < peer.wallMs,
    detail:
      `${ms(cold)} vs ${ms(peer.wallMs)}; CPU ${ms(k8sOps.cpuMs)} vs ${ms(peer.cpuMs)}; ` +
      `without the compile cache ${ms(uncached.k8sOps.wallMs)} vs ${ms(uncached.cdk8s.wallMs)}`,
  };
  return [kustomize, cdk8s, ...fleetTargets(r.fleet), ...turboTargets(r.turbo)];
}

function fleetTargets(fleet: readonly FleetResult[]): Target[] {
  const largest = fleet.at(-1);
  const smallest = fleet[0];
  if (!largest || !smallest) return [];
  const big = largest.clusters === 50 && largest.appsPerCluster === 200;
  const name = `${largest.clusters} clusters × ${largest.appsPerCluster} apps under 30 s and 1 GiB peak RSS`;
  const costs = fleet.map((f) => f.cpuPerAppMs);
  const spread = Math.max(...costs) / Math.min(...costs) - 1;
  return [
    {
      name: big ? name : `${name} (quick size; the target is 50 × 200)`,
      pass: largest.wallMs < WALL_LIMIT_MS && largest.peakRssMiB < RSS_LIMIT_MIB,
      detail: `${ms(largest.wallMs)} wall, ${ms(largest.cpuMs)} CPU, ${Math.round(largest.peakRssMiB)} MiB`,
    },
    {
      name: `per-app cost within 20% from ${smallest.apps} to ${largest.apps} apps (main-thread CPU per app)`,
      pass: spread <= 0.2,
      detail: `${costs.map((c) => `${c.toFixed(2)} ms`).join(" → ")} (spread ${(spread * 100).toFixed(0)}%)`,
    },
  ];
}

function turboTargets(turbo: TurboBench | undefined): Target[] {
  if (!turbo) {
    return [
      { name: "no-op turbo build under 1.5 s", pass: undefined, detail: "skipped in --quick mode" },
      {
        name: "one-component change rebuilds only its dependents",
        pass: undefined,
        detail: "skipped in --quick",
      },
    ];
  }
  const { noop, change } = turbo;
  const same = change.executed.join(",") === change.expected.join(",");
  return [
    {
      name: "no-op turbo build under 1.5 s",
      pass: noop.wallMs < NOOP_LIMIT_MS && noop.cached === noop.tasks,
      detail: `${ms(noop.wallMs)}, ${noop.cached}/${noop.tasks} cached`,
    },
    {
      name: `changing ${change.changed} rebuilds only its dependents`,
      pass: same,
      detail: `ran ${change.executed.join(", ") || "nothing"}; expected ${change.expected.join(", ")}`,
    },
  ];
}

function ms(value: number): string {
  return value >= 1000 ? `${(value / 1000).toFixed(2)} s` : `${value.toFixed(0)} ms`;
}
