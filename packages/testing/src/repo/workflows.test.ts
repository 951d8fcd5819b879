import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { ROOT, readRepoFile, repoFiles, yaml } from "./repo-files.js";

interface Step {
  readonly run?: string;
  readonly uses?: string;
}
interface Workflow {
  readonly on?: unknown;
  readonly jobs?: Record<string, { steps?: Step[] }>;
  readonly runs?: { using: string; steps?: Step[] };
}

/** The GitHub workflows and composite actions, whether or not committed yet. */
const files = [
  ...new Set(
    [...repoFiles(), ".github/workflows/ci.yaml", ".github/actions/setup/action.yaml"].filter((f) =>
      /^\.github\/(workflows\/[^/]+|actions\/.+\/action)\.ya?ml$/.test(f),
    ),
  ),
].filter((f) => existsSync(join(ROOT, f)));

const steps = (w: Workflow): Step[] => [
  ...Object.values(w.jobs ?? {}).flatMap((j) => j.steps ?? []),
  ...(w.runs?.steps ?? []),
];

const rootScripts = Object.keys(
  (JSON.parse(readRepoFile("package.json")) as { scripts: Record<string, string> }).scripts,
);
/** pnpm's own commands and the binaries the root installs, which a `run:` may call besides the scripts. */
const PNPM_COMMANDS = ["install", "exec", "turbo", "changeset"];

/** What each `pnpm …` and `bash …` of a shell script refers to: a root script or binary, or a file. */
function references(run: string): { pnpm: string[]; bash: string[] } {
  const pnpm = [...run.matchAll(/\bpnpm(?:\s+--[a-z-]+)*\s+([a-z][\w:-]*)/g)].map((m) => m[1] as string);
  const bash = [...run.matchAll(/\bbash\s+([\w./-]+\.sh)\b/g)].map((m) => m[1] as string);
  return { pnpm, bash };
}

describe("GitHub workflows", () => {
  it("are there: CI, release, promote and the setup action", () => {
    // GIVEN the .github folder  THEN the four files exist
    expect(files).toEqual(
      expect.arrayContaining([
        ".github/workflows/ci.yaml",
        ".github/workflows/release.yaml",
        ".github/workflows/promote.yaml",
        ".github/actions/setup/action.yaml",
      ]),
    );
  });

  it.each(files)("%s parses and every step runs or uses something", (file) => {
    // GIVEN a workflow  WHEN parsed  THEN it has steps, each with `run` or `uses`
    const w = yaml.parse(readRepoFile(file)) as Workflow;
    expect(steps(w).length).toBeGreaterThan(0);
    for (const s of steps(w))
      expect(s.run !== undefined || s.uses !== undefined, JSON.stringify(s)).toBe(true);
    if (file.includes("/workflows/")) expect(w.on).toBeDefined();
  });

  it.each(files)("%s: every `pnpm <script>` and `bash <file>` names an existing script or file", (file) => {
    // GIVEN the shell lines of the workflow
    const runs = steps(yaml.parse(readRepoFile(file)) as Workflow).flatMap((s) => s.run ?? []);
    for (const run of runs) {
      const { pnpm, bash } = references(run);
      // THEN each pnpm call is a root script or a pnpm command, and each bash script exists
      for (const name of pnpm)
        expect([...rootScripts, ...PNPM_COMMANDS], `${file}: pnpm ${name}`).toContain(name);
      for (const path of bash) expect(existsSync(join(ROOT, path)), `${file}: bash ${path}`).toBe(true);
    }
  });

  it.each(files)("%s: every action is pinned (tag or SHA) or local and present", (file) => {
    // GIVEN the `uses:` of the workflow  THEN remote ones name a ref, local ones exist
    for (const { uses } of steps(yaml.parse(readRepoFile(file)) as Workflow)) {
      if (uses === undefined) continue;
      if (uses.startsWith("./")) expect(existsSync(join(ROOT, uses, "action.yaml")), uses).toBe(true);
      else expect(uses, file).toMatch(/^[\w.-]+\/[\w./-]+@[\w.-]+$/);
    }
  });
});
