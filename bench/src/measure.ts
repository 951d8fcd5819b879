import { spawn } from "node:child_process";

/** Wall time, CPU time and peak resident memory of one measured run. */
export interface Sample {
  readonly wallMs: number;
  readonly cpuMs: number;
  readonly peakRssMiB: number;
}

/** What a child script prints on its last stdout line: its own sample plus any figures it measured. */
export interface ChildReport extends Sample {
  readonly [key: string]: unknown;
}

/**
 * Wall and CPU milliseconds taken by `fn`, and its value. CPU is the main thread's (`process.threadCpuUsage`): the
 * work itself, without the background JIT and GC threads whose one-time costs would blur per-app figures.
 */
export async function timed<T>(fn: () => T | Promise<T>): Promise<{ ms: number; cpuMs: number; value: T }> {
  const start = performance.now();
  const cpu = process.threadCpuUsage();
  const value = await fn();
  const used = process.threadCpuUsage(cpu);
  return { ms: performance.now() - start, cpuMs: (used.user + used.system) / 1000, value };
}

/** The sample of the current process since it started: CPU from resourceUsage, peak RSS from maxRSS (KiB). */
export function selfSample(startMs: number): Sample {
  const usage = process.resourceUsage();
  return {
    wallMs: performance.now() - startMs,
    cpuMs: (usage.userCPUTime + usage.systemCPUTime) / 1000,
    peakRssMiB: usage.maxRSS / 1024,
  };
}

/** Prints a child's report as the last line of stdout, for `runChild`. */
export function report(startMs: number, extra: Record<string, unknown> = {}): void {
  console.log(JSON.stringify({ ...extra, ...selfSample(startMs) }));
}

/**
 * Runs `node script args…` in a fresh process and returns its report, with wallMs replaced by the wall time seen
 * from outside (process start and module loading included).
 */
export async function runChild(
  script: string,
  args: readonly string[] = [],
  options: { readonly cwd?: string; readonly env?: NodeJS.ProcessEnv } = {},
): Promise<ChildReport> {
  const start = performance.now();
  const { code, stdout, stderr } = await spawnNode([script, ...args], options);
  const wallMs = performance.now() - start;
  if (code !== 0) throw new Error(`node ${script} ${args.join(" ")} exited ${code}: ${stderr.slice(-2000)}`);
  const last = stdout.trim().split("\n").at(-1) ?? "{}";
  const parsed = JSON.parse(last) as ChildReport;
  return { ...parsed, innerWallMs: parsed.wallMs, wallMs };
}

function spawnNode(
  args: readonly string[],
  options: { readonly cwd?: string; readonly env?: NodeJS.ProcessEnv },
): Promise<{ code: number; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ["--disable-warning=ExperimentalWarning", ...args], {
      cwd: options.cwd,
      env: { ...process.env, ...options.env },
      stdio: ["ignore", "pipe", "pipe"],
    });
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (chunk) => {
      stdout += chunk;
    });
    child.stderr.on("data", (chunk) => {
      stderr += chunk;
    });
    child.on("error", reject);
    child.on("close", (code) => resolve({ code: code ?? 1, stdout, stderr }));
  });
}

/** The sample with the median wall time, carrying the median wall and CPU of all samples. */
export function medianReport(samples: readonly ChildReport[]): ChildReport {
  const byWall = [...samples].sort((a, b) => a.wallMs - b.wallMs);
  const mid = byWall[Math.floor(byWall.length / 2)] as ChildReport;
  return { ...mid, wallMs: median(samples.map((s) => s.wallMs)), cpuMs: median(samples.map((s) => s.cpuMs)) };
}

/** Median of a non-empty list. */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[mid] ?? 0) : ((sorted[mid - 1] ?? 0) + (sorted[mid] ?? 0)) / 2;
}
