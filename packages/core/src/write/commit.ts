import { access, mkdir, readdir, readFile, rename, rm, rmdir, unlink, writeFile } from "node:fs/promises";
import { dirname, join } from "node:path";
import { ValidationError } from "../errors.js";
import { withWriteLock } from "./lock.js";
import {
  JOURNAL_FILE,
  MANIFEST_FILE,
  manifestFor,
  STAGING_DIR,
  STATE_DIR,
  serializeManifest,
} from "./manifest.js";
import type { WritePlan } from "./plan.js";

/** The steps of a write once it is decided; replayed in full after an interruption. */
interface Journal {
  readonly moves: readonly string[];
  readonly removes: readonly string[];
}

/**
 * A point a write passes. `stage`: a file written to the staging folder; `journal.tmp`: the journal written under its
 * temporary name; `journal`: the journal in place, from which on the write is decided; `move` / `remove`: a file
 * moved into place or removed (skipped ones included, as a replay skips the ones already done).
 */
export interface WriteStep {
  readonly phase: "stage" | "journal.tmp" | "journal" | "move" | "remove";
  /** Steps of this phase done so far, this one included. */
  readonly count: number;
  /** Whether a recovery is replaying the journal an interrupted write left. */
  readonly replay: boolean;
}

export interface CommitOptions {
  /** Stop after this many file operations, as a crash would (tests of recovery use it). */
  readonly interruptAfter?: number;
  /**
   * Awaited at every step of the write, staging and replays included: the command line stops or pauses a write at a
   * chosen point with it, as a crash or a signal would.
   * @default no hook
   */
  readonly onStep?: (step: WriteStep) => void | Promise<void>;
}

/** What a recovery can be given: the step hook (it never stops early on its own). */
export type RecoverOptions = Pick<CommitOptions, "onStep">;

export class InterruptedWrite extends Error {
  override name = "InterruptedWrite";
}

/**
 * Writes a plan so the folder holds either the old tree or the new one: every new file is first written to a
 * staging folder, then a journal names the moves and removals, then they are made. A write interrupted after the
 * journal exists is finished by the next run (`recoverWrite`); one interrupted before leaves the old tree.
 */
export async function commitWrite(plan: WritePlan, options: CommitOptions = {}): Promise<void> {
  if (plan.findings.length > 0) throw new ValidationError(plan.findings);
  await mkdir(join(plan.clusterDir, STATE_DIR), { recursive: true });
  await withWriteLock(plan.clusterDir, () => writeLocked(plan, options));
}

async function writeLocked(plan: WritePlan, options: CommitOptions): Promise<void> {
  const { clusterDir, rendered } = plan;
  await recover(clusterDir, options);
  const step = stepper(options.onStep, false);
  const staging = join(clusterDir, STAGING_DIR);
  await rm(staging, { recursive: true, force: true });
  const moves = [...plan.added, ...plan.changed];
  const staged: [string, string][] = [
    ...moves.map((path): [string, string] => [path, rendered.files.get(path) ?? ""]),
    [MANIFEST_FILE, serializeManifest(manifestFor(rendered.files))],
  ];
  await writeAll(staging, staged, () => step("stage"));
  const journal: Journal = { moves: [...moves, MANIFEST_FILE], removes: plan.removed };
  await writeNew(join(clusterDir, `${JOURNAL_FILE}.tmp`), JSON.stringify(journal));
  await step("journal.tmp");
  await rename(join(clusterDir, `${JOURNAL_FILE}.tmp`), join(clusterDir, JOURNAL_FILE));
  await step("journal");
  await applyJournal(clusterDir, journal, step, options.interruptAfter);
}

/**
 * Finishes a write an interruption left half done, or discards one that never reached its journal; holds the
 * folder's write lock while it does, so it never takes apart a write another process is making.
 */
export async function recoverWrite(clusterDir: string, options: RecoverOptions = {}): Promise<boolean> {
  if (!(await pendingWrite(clusterDir))) return false;
  return withWriteLock(clusterDir, () => recover(clusterDir, options));
}

/** Whether a write left anything behind: its journal, the journal's temporary file or the staging folder. */
async function pendingWrite(clusterDir: string): Promise<boolean> {
  const left = [JOURNAL_FILE, `${JOURNAL_FILE}.tmp`, STAGING_DIR].map((path) => join(clusterDir, path));
  const found = await Promise.all(
    left.map((path) =>
      access(path).then(
        () => true,
        () => false,
      ),
    ),
  );
  return found.includes(true);
}

async function recover(clusterDir: string, options: RecoverOptions): Promise<boolean> {
  let journal: Journal;
  try {
    journal = JSON.parse(await readFile(join(clusterDir, JOURNAL_FILE), "utf8")) as Journal;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    await rm(join(clusterDir, STAGING_DIR), { recursive: true, force: true });
    await rm(join(clusterDir, `${JOURNAL_FILE}.tmp`), { force: true });
    return false;
  }
  await applyJournal(clusterDir, journal, stepper(options.onStep, true));
  return true;
}

type Step = (phase: WriteStep["phase"]) => Promise<void>;

/** Counts the steps of each phase and hands them to the hook. */
function stepper(onStep: CommitOptions["onStep"], replay: boolean): Step {
  const counts = new Map<WriteStep["phase"], number>();
  return async (phase) => {
    const count = (counts.get(phase) ?? 0) + 1;
    counts.set(phase, count);
    await onStep?.({ phase, count, replay });
  };
}

async function applyJournal(
  clusterDir: string,
  journal: Journal,
  step: Step,
  interruptAfter = Infinity,
): Promise<void> {
  const moves = journal.moves.slice(0, interruptAfter);
  const removes = journal.removes.slice(0, Math.max(0, interruptAfter - moves.length));
  await moveAll(clusterDir, moves, () => step("move"));
  for (const path of removes) {
    await unlink(join(clusterDir, path)).catch(ignoreMissing);
    await pruneEmptyParents(clusterDir, dirname(path));
    await step("remove");
  }
  if (moves.length + removes.length < journal.moves.length + journal.removes.length) {
    throw new InterruptedWrite(`write interrupted after ${interruptAfter} steps`);
  }
  await rm(join(clusterDir, STAGING_DIR), { recursive: true, force: true });
  await unlink(join(clusterDir, JOURNAL_FILE));
}

/**
 * Moves staged files into place concurrently: each move is a rename, and a replay after an interruption skips the
 * ones already made (their staged file is gone), so the order does not matter.
 */
async function moveAll(
  clusterDir: string,
  paths: readonly string[],
  moved: () => Promise<void>,
): Promise<void> {
  const folders = new Set(paths.map((path) => dirname(join(clusterDir, path))));
  await Promise.all([...folders].map((folder) => mkdir(folder, { recursive: true })));
  await Promise.all(
    paths.map(async (path) => {
      await rename(join(clusterDir, STAGING_DIR, path), join(clusterDir, path)).catch(ignoreMissing);
      await moved();
    }),
  );
}

/** Writes files under `dir` concurrently (staging has no order to keep: the journal's moves have one). */
async function writeAll(
  dir: string,
  files: readonly [string, string][],
  written: () => Promise<void>,
): Promise<void> {
  const folders = [...new Set(files.map(([path]) => dirname(join(dir, path))))];
  await Promise.all(folders.map((folder) => mkdir(folder, { recursive: true })));
  await Promise.all(
    files.map(async ([path, content]) => {
      await writeFile(join(dir, path), content);
      await written();
    }),
  );
}

async function writeNew(path: string, content: string): Promise<void> {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, content);
}

function ignoreMissing(error: NodeJS.ErrnoException): void {
  if (error.code !== "ENOENT") throw error;
}

/** Removes folders a removal left empty, up to the cluster folder; a folder with any other file stays. */
async function pruneEmptyParents(clusterDir: string, dir: string): Promise<void> {
  for (let current = dir; current !== "." && current !== ""; current = dirname(current)) {
    const entries = await readdir(join(clusterDir, current)).catch(() => undefined);
    if (!entries || entries.length > 0) return;
    await rmdir(join(clusterDir, current));
  }
}
