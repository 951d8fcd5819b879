import { rm } from "node:fs/promises";
import { join } from "node:path";
import { clusterApps, resolveDependencies, yamlFile } from "@k8s-ops/core";
import { median, timed } from "./measure.ts";
import { loadReal, REAL_CLUSTERS, renderReal, writeReal } from "./real.ts";

/** Median CPU milliseconds of each phase of rendering both real clusters in a warm process, and total wall. */
export interface WarmPhases {
  readonly runs: number;
  /** Component builders: the cluster modules run again, their dependencies already loaded. */
  readonly buildMs: number;
  /** resolveDependencies: dependsOn derived from references and CRD kinds. */
  readonly resolveMs: number;
  /** renderCluster as a whole: resolve + buildTree (serialize) + every validation rule. */
  readonly renderMs: number;
  /** The same objects serialized by core's yamlFile alone: the serialize share of renderCluster. */
  readonly serializeMs: number;
  /** renderCluster minus resolve and serialize: the validation rules. */
  readonly validateMs: number;
  /** planWrite + commitWrite into an empty temporary folder. */
  readonly writeMs: number;
  /** Wall time of the whole pass (builders to write). */
  readonly wallMs: number;
}

/** Renders both real clusters `runs` times in this process (after one warm-up) and returns median phases. */
export async function warmPhases(tmp: string, runs: number): Promise<WarmPhases> {
  const samples: Omit<WarmPhases, "runs">[] = [];
  for (let run = 0; run <= runs; run += 1) {
    const sample = await onePass(join(tmp, `warm-${run}`), run + 1);
    if (run > 0) samples.push(sample);
  }
  const pick = (key: keyof Omit<WarmPhases, "runs">) => median(samples.map((s) => s[key]));
  return {
    runs,
    buildMs: pick("buildMs"),
    resolveMs: pick("resolveMs"),
    renderMs: pick("renderMs"),
    serializeMs: pick("serializeMs"),
    validateMs: pick("validateMs"),
    writeMs: pick("writeMs"),
    wallMs: pick("wallMs"),
  };
}

async function onePass(dir: string, run: number): Promise<Omit<WarmPhases, "runs">> {
  const start = performance.now();
  const built = await timed(() => Promise.all(REAL_CLUSTERS.map((real) => loadReal(real, run))));
  const clusters = built.value;
  const resolved = await timed(() =>
    clusters.map((c) => resolveDependencies(c.settings.name, clusterApps(c), c.served ?? [])),
  );
  const rendered = await timed(() => REAL_CLUSTERS.map((real, i) => renderReal(clusters[i] as never, real)));
  const serialized = await timed(() =>
    clusters.flatMap((c) => clusterApps(c).map((app) => yamlFile(app.objects.map((o) => o.toJSON())))),
  );
  const written = await timed(() =>
    Promise.all(
      REAL_CLUSTERS.map((real, i) => writeReal(rendered.value[i] as never, real, join(dir, real.root))),
    ),
  );
  const wallMs = performance.now() - start;
  await rm(dir, { recursive: true, force: true });
  return {
    buildMs: built.cpuMs,
    resolveMs: resolved.cpuMs,
    renderMs: rendered.cpuMs,
    serializeMs: serialized.cpuMs,
    validateMs: Math.max(0, rendered.cpuMs - resolved.cpuMs - serialized.cpuMs),
    writeMs: written.cpuMs,
    wallMs,
  };
}
