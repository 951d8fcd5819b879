import type { CommitOptions } from "@k8s-ops/core";
import type { Output } from "./output.js";
import type { SignalHold } from "./signals.js";

type WriteStep = Parameters<NonNullable<CommitOptions["onStep"]>>[0];

/** Test hook: stop (SIGKILL) after this many file operations of the write, as a crash would. */
export const INTERRUPT_ENV = "K8S_OPS_INTERRUPT_AFTER";

/** Test hook: stop (SIGKILL) at the step of a write or recovery so named (see `stepLabel`), as a crash would. */
export const INTERRUPT_AT_ENV = "K8S_OPS_INTERRUPT_AT";

/** Test hook: at the step so named, say so on stderr and wait for a stop signal (held) before going on. */
export const PAUSE_AT_ENV = "K8S_OPS_PAUSE_AT";

/** `stage:3`, `journal.tmp`, `journal`, `move:2`, `remove:1`; `replay:move:2` when a recovery replays a journal. */
export function stepLabel(step: WriteStep): string {
  const counted =
    step.phase === "journal" || step.phase === "journal.tmp" ? step.phase : `${step.phase}:${step.count}`;
  return step.replay ? `replay:${counted}` : counted;
}

/** The options a write or recovery runs with: the hooks the environment asks for, if any. */
export function writeOptions(hold: SignalHold, output: Output): CommitOptions {
  const interruptAfter = Number(process.env[INTERRUPT_ENV] ?? Number.NaN);
  const killAt = process.env[INTERRUPT_AT_ENV];
  const pauseAt = process.env[PAUSE_AT_ENV];
  const options = Number.isInteger(interruptAfter) ? { interruptAfter } : {};
  if (killAt === undefined && pauseAt === undefined) return options;
  return {
    ...options,
    onStep: async (step) => {
      const label = stepLabel(step);
      if (label === killAt) await crash();
      if (label !== pauseAt) return;
      output.err(`paused at ${label} until a signal arrives`);
      // Signal handlers do not keep Node running: without a timer it would end here, the write unfinished.
      const alive = setInterval(() => {}, 60_000);
      await hold.arrival.finally(() => clearInterval(alive));
    },
  };
}

/** Ends the process at once, with no clean-up and no message; the next command finishes the write from its journal. */
export function crash(): Promise<never> {
  process.kill(process.pid, "SIGKILL");
  return new Promise(() => {});
}
