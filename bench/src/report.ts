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
  const cold = r.cold;
  const row = (name: string, wall: number, cpu?: number, rss?: number) => [
    name,
    formatMs(wall),
    cpu === undefined ? "—" : formatMs(cpu),
    rss === undefined ? "—" : formatMiB(rss),
    ratio(cold.wallMs, wall),
    cpu === undefined ? "—" : ratio(cold.cpuMs, cpu),
  ];
  const k = r.kustomize;
  return markdownTable(
    ["both real clusters, fresh process", "wall", "CPU", "peak RSS", "wall vs k8s-ops", "CPU vs k8s-ops"],
    [
      row(
        `k8s-ops: load, build, validate, serialize, write (${cold.apps} apps, ${cold.files} files)`,
        cold.wallMs,
        cold.cpuMs,
        cold.peakRssMiB,
      ),
      k
        ? row(
            `kubectl kustomize, ${k.dirs} folders, 4 at a time${k.failed ? ` (${k.failed} failed)` : ""}`,
            k.wallMs,
          )
        : ["kubectl kustomize: skipped, kubectl not on the PATH", "—", "—", "—", "—", "—"],
      row(
        `cdk8s synth, ${r.peers.objects} objects in ${r.peers.groups} charts`,
        r.peers.cdk8s.wallMs,
        r.peers.cdk8s.cpuMs,
        r.peers.cdk8s.peakRssMiB,
      ),
      row(
        "yaml stringify alone (the floor)",
        r.peers.yaml.wallMs,
        r.peers.yaml.cpuMs,
        r.peers.yaml.peakRssMiB,
      ),
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
  const cold = r.cold;
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
