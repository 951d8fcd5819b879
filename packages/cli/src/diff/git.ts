import { spawnSync } from "node:child_process";
import { UsageError } from "../workspace.js";

function git(
  repoRoot: string,
  args: readonly string[],
  input?: string,
): { status: number | null; stdout: Buffer; stderr: string } {
  const result = spawnSync("git", ["-C", repoRoot, ...args], { input, maxBuffer: 512 * 1024 * 1024 });
  if (result.error) throw new Error(`git could not run: ${result.error.message}`);
  return { status: result.status, stdout: result.stdout, stderr: result.stderr.toString() };
}

/** The revision to compare with: the one given, else origin/main, main or HEAD, whichever exists first. */
export function resolveBase(repoRoot: string, ref: string | undefined): string {
  if (git(repoRoot, ["rev-parse", "--git-dir"]).status !== 0)
    throw new UsageError(`${repoRoot} is not a git repository; diff compares with a git revision`);
  const candidates = ref === undefined ? ["origin/main", "main", "HEAD"] : [ref];
  for (const candidate of candidates) {
    if (git(repoRoot, ["rev-parse", "--verify", "--quiet", `${candidate}^{commit}`]).status === 0)
      return candidate;
  }
  throw new UsageError(
    ref === undefined
      ? "no revision to compare with: origin/main, main and HEAD do not exist"
      : `no revision '${ref}' in this repository`,
  );
}

/** Every file under `folder` at `ref`, by path relative to `folder`, read with one `git cat-file --batch`. */
export function readTreeAt(repoRoot: string, ref: string, folder: string): Map<string, string> {
  const listed = git(repoRoot, ["ls-tree", "-r", "-z", "--name-only", ref, "--", `${folder}/`]);
  if (listed.status !== 0) throw new Error(`git ls-tree ${ref} ${folder} failed: ${listed.stderr.trim()}`);
  const paths = listed.stdout.toString("utf8").split("\0").filter(Boolean);
  const files = new Map<string, string>();
  if (paths.length === 0) return files;
  const batch = git(repoRoot, ["cat-file", "--batch"], `${paths.map((p) => `${ref}:${p}`).join("\n")}\n`);
  let offset = 0;
  const out = batch.stdout;
  for (const path of paths) {
    const newline = out.indexOf(10, offset);
    const header = out.subarray(offset, newline).toString("utf8");
    const size = Number(header.split(" ")[2]);
    const start = newline + 1;
    if (!header.endsWith("missing"))
      files.set(path.slice(folder.length + 1), out.subarray(start, start + size).toString("utf8"));
    offset = header.endsWith("missing") ? start : start + size + 1;
  }
  return files;
}
