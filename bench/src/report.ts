import type { ColdSet } from "./cold.ts";
import type { Results } from "./results.ts";
import { formatMiB, formatMs, markdownTable, ratio, targetLines } from "./table.ts";

/** The markdown section of docs/performance.md for one run. */
export function resultsMarkdown(r: Results): string {
  const m = r.machine;
  return [
    `Run ${r.date} (${r.mode}) on ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, Node ${m.node}, ` +
      `load average ${m.loadAverage} at start. ${r.note}`,
    "",
    realTable(r),
    "",
    warmTable(r),
    "",
    fleetTable(r),
    "",
    ...(r.turbo ? [turboTable(r), ""] : []),
    "Targets:",
    "",
    ...targetLines(r.targets).map((line) => `    ${line}`),
  ].join("\n");
}

function realTable(r: Results): string {
  const base = r.cold.cached.k8sOps;
  const row = (name: string, sample: { wallMs: number; cpuMs?: number; peakRssMiB?: number }) => [
    name,
    formatMs(sample.wallMs),
    sample.cpuMs === undefined ? "—" : formatMs(sample.cpuMs),
    sample.peakRssMiB === undefined ? "—" : formatMiB(sample.peakRssMiB),
    ratio(base.wallMs, sample.wallMs),
    sample.cpuMs === undefined ? "—" : ratio(base.cpuMs, sample.cpuMs),
  ];
  const setRows = (set: ColdSet, cache: string) => [
    row(
      `k8s-ops: load, build, validate, serialize, write (${base.apps} apps, ${base.files} files), ${cache}`,
      set.k8sOps,
    ),
    row(`cdk8s synth, ${r.cold.objects} objects in ${r.cold.groups} charts, ${cache}`, set.cdk8s),
    row(`yaml stringify alone (the floor), ${cache}`, set.yaml),
  ];
  const k = r.kustomize;
  return markdownTable(
    [
      `both real clusters, fresh processes (median of ${r.cold.rounds} interleaved rounds)`,
      "wall",
      "CPU",
      "peak RSS",
      "wall vs k8s-ops",
      "CPU vs k8s-ops",
    ],
    [
      ...setRows(r.cold.cached, "compile cache"),
      ...setRows(r.cold.uncached, "no compile cache"),
      k
        ? row(
            `kubectl kustomize, ${k.dirs} folders, 4 at a time${k.failed ? ` (${k.failed} failed)` : ""}`,
            k,
          )
        : ["kubectl kustomize: skipped, kubectl not on the PATH", "—", "—", "—", "—", "—"],
    ],
  );
}

function warmTable(r: Results): string {
  const w = r.warm;
  const total = w.buildMs + w.renderMs + w.writeMs;
  const share = (ms: number) => `${Math.round((ms / total) * 100)}%`;
  const rows: [string, number][] = [
    ["component builders (cluster modules re-run)", w.buildMs],
    ["renderCluster, of which:", w.renderMs],
    ["· resolveDependencies", w.resolveMs],
    ["· validate (renderCluster − resolve − serialize)", w.validateMs],
    ["· serialize (yamlFile of the same objects)", w.serializeMs],
    ["planWrite + commitWrite to a temp folder", w.writeMs],
  ];
  const cold = r.cold.cached.k8sOps;
  return markdownTable(
    [`phase, warm process (median CPU of ${w.runs} runs)`, "CPU", "share"],
    [
      [
        "module import in a fresh process, wall (core alone / core + components + builders)",
        `${formatMs(Number(cold.importCoreMs))} / ${formatMs(Number(cold.importAndBuildMs))}`,
        "—",
      ],
      ...rows.map(([name, ms]) => [name, formatMs(ms), share(ms)]),
      ["total warm (CPU / wall)", `${formatMs(total)} / ${formatMs(w.wallMs)}`, "100%"],
    ],
  );
}

function fleetTable(r: Results): string {
  return markdownTable(
    ["synthetic fleet", "apps", "objects", "wall", "CPU", "peak RSS", "main-thread CPU / app", "wall / app"],
    r.fleet.map((f) => [
      `${f.clusters} × ${f.appsPerCluster}`,
      String(f.apps),
      String(f.objects),
      formatMs(f.wallMs),
      formatMs(f.cpuMs),
      formatMiB(f.peakRssMiB),
      formatMs(f.cpuPerAppMs),
      formatMs(f.wallPerAppMs),
    ]),
  );
}

function turboTable(r: Results): string {
  const t = r.turbo;
  if (!t) return "";
  const row = (name: string, run: typeof t.clean) => [
    name,
    formatMs(run.wallMs),
    String(run.tasks),
    String(run.cached),
    String(run.failed),
    run.executed.length > 6 ? `${run.executed.length} packages` : run.executed.join(", ") || "none",
  ];
  return markdownTable(
    ["turbo run build --filter=./clusters/*", "wall", "tasks", "cached", "failed", "ran"],
    [
      row("from clean", t.clean),
      row("no-op (unchanged)", t.noop),
      row(`after changing ${t.change.changed}`, t.change),
    ],
  );
}
