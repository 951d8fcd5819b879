import { execFile } from "node:child_process";
import { appendFile, mkdir, readdir, readFile, rm } from "node:fs/promises";
import { join } from "node:path";
import { promisify } from "node:util";
import { dependents, workspacePackages } from "./workspace.ts";

const run = promisify(execFile);
/** What `pnpm render` runs: the cluster renders and every build they depend on. */
export const TURBO_ARGS = ["--filter=./clusters/*", "--continue", "--summarize", "--output-logs=errors-only"];
const ENV = { ...process.env, TURBO_TELEMETRY_DISABLED: "1", TURBO_NO_UPDATE_NOTIFIER: "1", CI: "1" };

/** One `turbo run build`: wall time and what turbo says it ran. */
export interface TurboRun {
  readonly wallMs: number;
  readonly exitCode: number;
  readonly tasks: number;
  readonly cached: number;
  readonly failed: number;
  /** Packages whose build ran (cache miss). */
  readonly executed: readonly string[];
  /** Packages whose build was in the run, cached or not. */
  readonly scope: readonly string[];
}

export interface TurboBench {
  readonly copy: string;
  readonly installMs: number;
  readonly clean: TurboRun;
  readonly noop: TurboRun;
  readonly change: TurboRun & { readonly changed: string; readonly expected: readonly string[] };
}

/**
 * Copies the working tree (not node_modules, dist or caches) to `copy`, installs offline from the warm store,
 * then runs `turbo run build` from clean, again unchanged, and after touching one component's source.
 */
export async function turboBench(repo: string, copy: string, component: string): Promise<TurboBench> {
  await rm(copy, { recursive: true, force: true });
  await mkdir(copy, { recursive: true });
  const excludes = ["node_modules", "dist", ".turbo", ".git", ".k8s-ops/staging"].map(
    (e) => `--exclude=${e}`,
  );
  await run("bash", ["-c", `tar ${excludes.join(" ")} -C "$1" -cf - . | tar -xf - -C "$2"`, "-", repo, copy]);
  await git(copy, ["init", "-q"]);
  await git(copy, ["add", "-A"]);
  await git(copy, [
    "-c",
    "user.name=bench",
    "-c",
    "user.email=bench@example.invalid",
    "commit",
    "-qm",
    "base",
  ]);
  const install = performance.now();
  await run("pnpm", ["install", "--offline", "--frozen-lockfile"], {
    cwd: copy,
    env: ENV,
    maxBuffer: 1 << 26,
  });
  const installMs = performance.now() - install;
  const clean = await turboBuild(copy);
  const noop = await turboBuild(copy);
  const pkg = workspacePackages(copy).find((p) => p.name === component);
  if (!pkg) throw new Error(`no workspace package ${component}`);
  await appendFile(join(copy, pkg.dir, "src/index.ts"), "\n// benchmark: one changed line\n");
  const change = await turboBuild(copy);
  const expected = dependents(workspacePackages(copy), component).filter((name) =>
    change.scope.includes(name),
  );
  return { copy, installMs, clean, noop, change: { ...change, changed: component, expected } };
}

async function git(cwd: string, args: readonly string[]): Promise<void> {
  await run("git", [...args], { cwd });
}

async function turboBuild(cwd: string): Promise<TurboRun> {
  const start = performance.now();
  let exitCode = 0;
  try {
    await run("pnpm", ["exec", "turbo", "run", "build", ...TURBO_ARGS], {
      cwd,
      env: ENV,
      maxBuffer: 1 << 26,
    });
  } catch (error) {
    exitCode = (error as { code?: number }).code ?? 1;
  }
  const wallMs = performance.now() - start;
  return { wallMs, exitCode, ...(await lastSummary(cwd)) };
}

interface Summary {
  execution?: { attempted?: number; cached?: number; failed?: number };
  tasks?: { package?: string; cache?: { status?: string }; execution?: { exitCode?: number } }[];
}

/** Reads the newest `--summarize` file turbo wrote under .turbo/runs. */
async function lastSummary(cwd: string): Promise<Omit<TurboRun, "wallMs" | "exitCode">> {
  const dir = join(cwd, ".turbo/runs");
  const files = (await readdir(dir)).filter((f) => f.endsWith(".json")).sort();
  const last = files.at(-1);
  if (!last) throw new Error("turbo wrote no run summary");
  const summary = JSON.parse(await readFile(join(dir, last), "utf8")) as Summary;
  const tasks = summary.tasks ?? [];
  return {
    tasks: summary.execution?.attempted ?? tasks.length,
    cached: summary.execution?.cached ?? tasks.filter((t) => t.cache?.status === "HIT").length,
    failed: summary.execution?.failed ?? 0,
    executed: tasks
      .filter((t) => t.cache?.status !== "HIT")
      .map((t) => t.package ?? "?")
      .sort(),
    scope: tasks.map((t) => t.package ?? "?").sort(),
  };
}
