import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmdirSync,
  rmSync,
  unlinkSync,
  writeFileSync,
} from "node:fs";
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
  /**
   * `numbered`: the file of `moves[i]` is staged as `i`, one flat folder with no subfolders to create. Absent in
   * journals of earlier versions, which staged each file under its own path.
   */
  readonly staging?: "numbered";
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
 *
 * The file operations are synchronous, one after the other: each is a small local file, the command has nothing
 * else to do meanwhile, and the promise versions cost a thread-pool round trip per call and several times the CPU
 * (docs/performance.md).
 */
export async function commitWrite(plan: WritePlan, options: CommitOptions = {}): Promise<void> {
  if (plan.findings.length > 0) throw new ValidationError(plan.findings);
  mkdirSync(join(plan.clusterDir, STATE_DIR), { recursive: true });
  await withWriteLock(plan.clusterDir, () => writeLocked(plan, options));
}

async function writeLocked(plan: WritePlan, options: CommitOptions): Promise<void> {
  const { clusterDir, rendered } = plan;
  await recover(clusterDir, options);
  const step = stepper(options.onStep, false);
  const staging = join(clusterDir, STAGING_DIR);
  rmSync(staging, { recursive: true, force: true });
  mkdirSync(staging, { recursive: true });
  const files = [...plan.added, ...plan.changed];
  const moves = [...files, MANIFEST_FILE];
  const contents = [
    ...files.map((path) => rendered.files.get(path) ?? ""),
    serializeManifest(manifestFor(rendered.files)),
  ];
  for (const [index, content] of contents.entries()) {
    writeFileSync(join(staging, String(index)), content);
    await step("stage");
  }
  const journal: Journal = { moves, removes: plan.removed, staging: "numbered" };
  writeFileSync(join(clusterDir, `${JOURNAL_FILE}.tmp`), JSON.stringify(journal));
  await step("journal.tmp");
  renameSync(join(clusterDir, `${JOURNAL_FILE}.tmp`), join(clusterDir, JOURNAL_FILE));
  await step("journal");
  await applyJournal(clusterDir, journal, step, options.interruptAfter);
}

/**
 * Finishes a write an interruption left half done, or discards one that never reached its journal; holds the
 * folder's write lock while it does, so it never takes apart a write another process is making.
 */
export async function recoverWrite(clusterDir: string, options: RecoverOptions = {}): Promise<boolean> {
  if (!pendingWrite(clusterDir)) return false;
  return withWriteLock(clusterDir, () => recover(clusterDir, options));
}

/** Whether a write left anything behind: its journal, the journal's temporary file or the staging folder. */
function pendingWrite(clusterDir: string): boolean {
  return [JOURNAL_FILE, `${JOURNAL_FILE}.tmp`, STAGING_DIR].some((path) =>
    existsSync(join(clusterDir, path)),
  );
}

async function recover(clusterDir: string, options: RecoverOptions): Promise<boolean> {
  let journal: Journal;
  try {
    journal = JSON.parse(readFileSync(join(clusterDir, JOURNAL_FILE), "utf8")) as Journal;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "ENOENT") throw error;
    rmSync(join(clusterDir, STAGING_DIR), { recursive: true, force: true });
    rmSync(join(clusterDir, `${JOURNAL_FILE}.tmp`), { force: true });
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
  await moveAll(clusterDir, journal, moves, () => step("move"));
  for (const path of removes) {
    removeIfPresent(join(clusterDir, path));
    pruneEmptyParents(clusterDir, dirname(path));
    await step("remove");
  }
  if (moves.length + removes.length < journal.moves.length + journal.removes.length) {
    throw new InterruptedWrite(`write interrupted after ${interruptAfter} steps`);
  }
  rmSync(join(clusterDir, STAGING_DIR), { recursive: true, force: true });
  unlinkSync(join(clusterDir, JOURNAL_FILE));
}

/** Moves the staged files of the journal's first moves into place; a replay skips the ones already moved. */
async function moveAll(
  clusterDir: string,
  journal: Journal,
  paths: readonly string[],
  moved: () => Promise<void>,
): Promise<void> {
  for (const folder of new Set(paths.map((path) => dirname(join(clusterDir, path))))) {
    mkdirSync(folder, { recursive: true });
  }
  for (const [index, path] of paths.entries()) {
    const staged = journal.staging === "numbered" ? String(index) : path;
    moveIfStaged(join(clusterDir, STAGING_DIR, staged), join(clusterDir, path));
    await moved();
  }
}

function moveIfStaged(from: string, to: string): void {
  try {
    renameSync(from, to);
  } catch (error) {
    ignoreMissing(error as NodeJS.ErrnoException);
  }
}

function removeIfPresent(path: string): void {
  try {
    unlinkSync(path);
  } catch (error) {
    ignoreMissing(error as NodeJS.ErrnoException);
  }
}

function ignoreMissing(error: NodeJS.ErrnoException): void {
  if (error.code !== "ENOENT") throw error;
}

/** Removes folders a removal left empty, up to the cluster folder; a folder with any other file stays. */
function pruneEmptyParents(clusterDir: string, dir: string): void {
  for (let current = dir; current !== "." && current !== ""; current = dirname(current)) {
    const folder = join(clusterDir, current);
    let entries: string[];
    try {
      entries = readdirSync(folder);
    } catch {
      return;
    }
    if (entries.length > 0) return;
    rmdirSync(folder);
  }
}
