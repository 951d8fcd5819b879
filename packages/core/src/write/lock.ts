import { readFile, unlink, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { LOCK_FILE } from "./manifest.js";

/** Another live process holds the cluster folder's write lock. */
export class WriteLocked extends Error {
  override name = "WriteLocked";
  readonly pid: number;

  constructor(clusterDir: string, pid: number) {
    super(`another k8s-ops (pid ${pid}) is writing ${clusterDir}; run again once it has finished`);
    this.pid = pid;
  }
}

/**
 * Runs `work` holding the cluster folder's write lock, a file naming this process: a second command writing or
 * recovering the same folder meanwhile would discard the first one's staging folder. A lock whose process is gone
 * (killed mid-write) is taken over; the journal it may have left is what `work` then finishes.
 */
export async function withWriteLock<T>(clusterDir: string, work: () => Promise<T>): Promise<T> {
  const lock = join(clusterDir, LOCK_FILE);
  await acquire(clusterDir, lock);
  try {
    return await work();
  } finally {
    await unlink(lock).catch(() => {});
  }
}

async function acquire(clusterDir: string, lock: string): Promise<void> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      await writeFile(lock, `${process.pid}\n`, { flag: "wx" });
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST" || attempt > 0) throw error;
    }
    const holder = Number.parseInt(await readFile(lock, "utf8").catch(() => ""), 10);
    if (Number.isInteger(holder) && holder !== process.pid && isAlive(holder)) {
      throw new WriteLocked(clusterDir, holder);
    }
    await unlink(lock).catch(() => {});
  }
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
