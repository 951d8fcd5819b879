import { spawnSync } from "node:child_process";
import { existsSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { demoApps, readTree, render, tempDir, writeHandFile } from "../test-fixtures.js";
import { commitWrite, recoverWrite } from "./commit.js";
import { WriteLocked } from "./lock.js";
import { LOCK_FILE, STAGING_DIR } from "./manifest.js";
import { planWrite } from "./plan.js";

/** The pid of a process that has ended. */
function deadPid(): number {
  const child = spawnSync(process.execPath, ["-e", ""]);
  return child.pid as number;
}

/** A process that lives while the test runs: the test runner's parent. */
const LIVE_PID = process.ppid;

describe("the write lock", () => {
  it("refuses to write a folder another live process is writing, and changes nothing", async () => {
    // GIVEN a folder whose lock names a live process
    const dir = await tempDir();
    await writeHandFile(dir, LOCK_FILE, `${LIVE_PID}\n`);
    const before = await readTree(dir);
    // WHEN a write starts
    const error = await commitWrite(await planWrite(dir, render(demoApps()))).catch((e: unknown) => e);
    // THEN it stops with who holds the lock, and the folder is as it was
    expect(error).toBeInstanceOf(WriteLocked);
    expect((error as Error).message).toBe(
      `another k8s-ops (pid ${LIVE_PID}) is writing ${dir}; run again once it has finished`,
    );
    expect(await readTree(dir)).toEqual(before);
  });

  it("leaves a live writer's staging folder alone when another command recovers", async () => {
    // GIVEN a write under way in another process: its lock and its staging folder
    const dir = await tempDir();
    await writeHandFile(dir, LOCK_FILE, `${LIVE_PID}\n`);
    await writeHandFile(dir, `${STAGING_DIR}/apps/kustomization.yaml`, "# being written\n");
    // WHEN another command recovers the folder THEN it refuses, and the staging folder survives
    await expect(recoverWrite(dir)).rejects.toBeInstanceOf(WriteLocked);
    expect(existsSync(join(dir, STAGING_DIR, "apps/kustomization.yaml"))).toBe(true);
  });

  it("takes over the lock of a process that is gone, and releases its own", async () => {
    // GIVEN a lock left by a killed process
    const dir = await tempDir();
    await writeHandFile(dir, LOCK_FILE, `${deadPid()}\n`);
    // WHEN a write runs
    await commitWrite(await planWrite(dir, render(demoApps())));
    // THEN it wrote the tree and no lock is left
    expect(Object.keys(await readTree(dir))).toContain("apps/apps/podinfo/app/helmrelease.yaml");
    expect(existsSync(join(dir, LOCK_FILE))).toBe(false);
  });

  it("recovers without writing a lock when nothing is pending", async () => {
    // GIVEN a written folder WHEN another command recovers it THEN nothing is done and nothing is written
    const dir = await tempDir();
    await commitWrite(await planWrite(dir, render(demoApps())));
    const before = await readTree(dir);
    expect(await recoverWrite(dir)).toBe(false);
    expect(await readTree(dir)).toEqual(before);
  });
});
