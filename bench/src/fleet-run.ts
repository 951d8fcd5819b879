import { join } from "node:path";
import type { FleetSize } from "./fleet.ts";
import { runChild } from "./measure.ts";

/** One fleet size rendered in a fresh process. */
export interface FleetResult extends FleetSize {
  readonly apps: number;
  readonly objects: number;
  readonly files: number;
  /** Wall, CPU and peak RSS of the child process up to the end of its first full pass (imports and warm-up in). */
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly peakRssMiB: number;
  /** Build + render in the child (imports and warm-up excluded): wall, main-thread CPU, whole-process CPU. */
  readonly workWallMs: number;
  readonly workCpuMs: number;
  readonly workProcessCpuMs: number;
  /**
   * Main-thread CPU per app of build + render, median over `passes` passes (small sizes are rendered again until
   * ~2,000 apps were measured): the figure that must stay flat as the fleet grows.
   */
  readonly cpuPerAppMs: number;
  readonly wallPerAppMs: number;
  readonly passes: number;
}

export async function fleetRun(size: FleetSize): Promise<FleetResult> {
  const child = join(import.meta.dirname, "fleet-child.ts");
  const r = await runChild(child, [String(size.clusters), String(size.appsPerCluster)]);
  const apps = Number(r.apps);
  const workWallMs = Number(r.buildMs) + Number(r.renderMs);
  const workCpuMs = Number(r.workCpuMs);
  return {
    ...size,
    apps,
    objects: Number(r.objects),
    files: Number(r.files),
    wallMs: Number(r.innerWallMs),
    cpuMs: r.cpuMs,
    peakRssMiB: r.peakRssMiB,
    workWallMs,
    workCpuMs,
    workProcessCpuMs: Number(r.workProcessCpuMs),
    cpuPerAppMs: Number(r.cpuPerAppMs),
    passes: Number(r.passes),
    wallPerAppMs: workWallMs / apps,
  };
}
