import { existsSync } from "node:fs";
import { readFile, rm, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { RenderedCluster } from "../render.js";
import { demoApps, readTree, render, tempDir, writeHandFile } from "../test-fixtures.js";
import { commitWrite, InterruptedWrite, recoverWrite, type WriteStep } from "./commit.js";
import { JOURNAL_FILE, STAGING_DIR } from "./manifest.js";
import { hasChanges, planWrite } from "./plan.js";

/** Before: podinfo and its config stage. After: podinfo changed, the stage dropped, the tools namespace added. */
const OLD = () => render(demoApps({ tools: false }));
const NEW = () => render(demoApps({ replicas: 3, stage: false }));
const README = "apps/apps/podinfo/app/README.md";

async function write(dir: string, rendered: RenderedCluster) {
  const plan = await planWrite(dir, rendered);
  expect(plan.findings).toEqual([]);
  await commitWrite(plan);
}

/** A folder holding the old tree and a hand-written README. */
async function oldTree(): Promise<string> {
  const dir = await tempDir();
  await write(dir, OLD());
  await writeHandFile(dir, README, "# podinfo\n");
  return dir;
}

/** The tree an uninterrupted write of NEW over the old tree leaves, manifest included. */
async function expectedNewTree(): Promise<Record<string, string>> {
  const dir = await oldTree();
  await write(dir, NEW());
  return readTree(dir);
}

/** Starts writing NEW over the old tree and stops after `steps` file operations, as a crash would. */
async function interruptedWrite(steps: number) {
  const dir = await oldTree();
  const plan = await planWrite(dir, NEW());
  const error = await commitWrite(plan, { interruptAfter: steps }).catch((thrown: unknown) => thrown);
  expect(error).toBeInstanceOf(InterruptedWrite);
  expect((error as Error).message).toBe(`write interrupted after ${steps} steps`);
  expect(existsSync(join(dir, JOURNAL_FILE))).toBe(true);
  return { dir, plan };
}

describe("an interrupted write", () => {
  it("is finished by recoverWrite, whatever step it stopped at", async () => {
    // GIVEN the tree an uninterrupted write leaves, and how many steps the write takes
    const expected = await expectedNewTree();
    const probe = await planWrite(await oldTree(), NEW());
    const steps = probe.added.length + probe.changed.length + 1 + probe.removed.length;
    expect([probe.added.length, probe.changed.length, probe.removed.length]).toEqual([6, 3, 2]);
    for (let stop = 0; stop < steps; stop++) {
      // WHEN the write stops after `stop` steps and the next run recovers
      const { dir } = await interruptedWrite(stop);
      const partial = await readTree(dir);
      const recovered = await recoverWrite(dir);
      // THEN the folder holds exactly the new tree, with no journal or staging left
      expect(partial, `stopped after ${stop}`).not.toEqual(expected);
      expect(recovered).toBe(true);
      expect(await readTree(dir), `stopped after ${stop}`).toEqual(expected);
      expect(existsSync(join(dir, STAGING_DIR))).toBe(false);
      expect(await recoverWrite(dir)).toBe(false);
    }
  });

  it("is finished by the next commitWrite of the same plan", async () => {
    // GIVEN a write stopped half-way
    const expected = await expectedNewTree();
    const { dir, plan } = await interruptedWrite(3);
    // WHEN the plan is committed again
    await commitWrite(plan);
    // THEN the folder holds exactly the new tree, and a new plan has nothing to do
    expect(await readTree(dir)).toEqual(expected);
    const again = await planWrite(dir, NEW());
    expect([again.findings, hasChanges(again)]).toEqual([[], false]);
  });

  it("is finished by the next render's plan and commit", async () => {
    // GIVEN writes stopped early, half-way and among the removals
    const expected = await expectedNewTree();
    for (const stop of [1, 5, 10]) {
      const { dir } = await interruptedWrite(stop);
      // WHEN the cluster is planned and written afresh, without an explicit recovery
      await write(dir, NEW());
      // THEN the folder holds exactly the new tree
      expect(await readTree(dir), `stopped after ${stop}`).toEqual(expected);
    }
  });

  it("staged under their own paths by an earlier version is finished from its journal", async () => {
    // GIVEN a write stopped after its journal, restaged the way earlier versions did: each file under its own path
    const expected = await expectedNewTree();
    const { dir } = await interruptedWrite(0);
    const journal = JSON.parse(await readFile(join(dir, JOURNAL_FILE), "utf8")) as { moves: string[] };
    for (const [index, path] of journal.moves.entries()) {
      const staged = await readFile(join(dir, STAGING_DIR, String(index)), "utf8");
      await rm(join(dir, STAGING_DIR, String(index)));
      await writeHandFile(dir, `${STAGING_DIR}/${path}`, staged);
    }
    await writeFile(join(dir, JOURNAL_FILE), JSON.stringify({ ...journal, staging: undefined }));
    // WHEN the next run recovers
    await recoverWrite(dir);
    // THEN the folder holds exactly the new tree
    expect(await readTree(dir)).toEqual(expected);
  });

  it("leaves the old tree when it stopped before its journal existed", async () => {
    // GIVEN the old tree and a staging folder a crash left behind, without a journal
    const dir = await oldTree();
    const before = await readTree(dir);
    await writeHandFile(dir, `${STAGING_DIR}/apps/apps/podinfo/app/helmrelease.yaml`, "# half-written\n");
    await writeHandFile(dir, `${STAGING_DIR}/.k8s-ops/manifest.json`, "{}");
    // WHEN the next run recovers
    const recovered = await recoverWrite(dir);
    // THEN the staging folder is discarded and the old tree is byte-identical
    expect(recovered).toBe(false);
    expect(existsSync(join(dir, STAGING_DIR))).toBe(false);
    expect(await readTree(dir)).toEqual(before);
  });

  it("does not let a discarded staging folder leak into the next write", async () => {
    // GIVEN a stale staged file for a path the next write does not touch
    const expected = await expectedNewTree();
    const dir = await oldTree();
    await writeHandFile(dir, `${STAGING_DIR}/apps/apps/podinfo/app/ocirepository.yaml`, "# stale\n");
    // WHEN NEW is written
    await write(dir, NEW());
    // THEN the folder holds exactly the new tree
    expect(await readTree(dir)).toEqual(expected);
  });
});

/** Each step as `phase:count`, `replay:` before the steps of a recovery. */
const label = (step: WriteStep) => `${step.replay ? "replay:" : ""}${step.phase}:${step.count}`;
const repeat = (phase: string, count: number) => Array.from({ length: count }, (_, i) => `${phase}:${i + 1}`);

describe("the steps of a write", () => {
  it("are reported to onStep in order: staging, the journal, the moves, the removals", async () => {
    // GIVEN a write of 6 added and 3 changed files (and the manifest) that removes 2
    const dir = await oldTree();
    const plan = await planWrite(dir, NEW());
    const steps: string[] = [];
    // WHEN it is committed
    await commitWrite(plan, { onStep: (step) => void steps.push(label(step)) });
    // THEN
    expect(steps).toEqual([
      ...repeat("stage", 10),
      "journal.tmp:1",
      "journal:1",
      ...repeat("move", 10),
      ...repeat("remove", 2),
    ]);
  });

  it("of a recovery are reported as a replay of the whole journal", async () => {
    // GIVEN a write stopped after 3 of its 12 steps
    const { dir } = await interruptedWrite(3);
    const steps: string[] = [];
    // WHEN the next run recovers
    await recoverWrite(dir, { onStep: (step) => void steps.push(label(step)) });
    // THEN every move is replayed (the ones made skipped), then every removal
    expect(steps).toEqual([...repeat("replay:move", 10), ...repeat("replay:remove", 2)]);
  });

  it.each([
    ["stage", "the old tree", false],
    ["journal.tmp", "the old tree", false],
    ["journal", "the new tree", true],
    ["remove", "the new tree", true],
  ] as const)("stopped at the first %s step, leave %s once recovered", async (phase, _tree, isNew) => {
    // GIVEN a write that stops (a hook throwing, as a crash would) at the first step of the phase
    const expected = isNew ? await expectedNewTree() : await readTree(await oldTree());
    const dir = await oldTree();
    const plan = await planWrite(dir, NEW());
    const onStep = (step: WriteStep) => {
      if (step.phase === phase) throw new Error(`stopped at ${label(step)}`);
    };
    await expect(commitWrite(plan, { onStep })).rejects.toThrow(`stopped at ${phase}:1`);
    // WHEN the next run recovers
    await recoverWrite(dir);
    // THEN
    expect(await readTree(dir)).toEqual(expected);
  });
});

describe("commitWrite refuses a plan with findings", () => {
  it("throws them and writes nothing", async () => {
    // GIVEN a plan whose hand-written file is missing
    const dir = await tempDir();
    const plan = await planWrite(dir, OLD());
    const blocked = { ...plan, findings: [{ code: "FILE_MISSING" as const, path: "x", message: "missing" }] };
    // WHEN / THEN
    await expect(commitWrite(blocked)).rejects.toThrow(
      "Validation failed with 1 problem:\nFILE_MISSING x: missing",
    );
    expect(await readTree(dir)).toEqual({});
  });
});
