/** The signals that stop a command, each with the exit code a shell reports for it: 128 + the signal's number. */
export const SIGNAL_EXIT = { SIGHUP: 129, SIGINT: 130, SIGTERM: 143 } as const;

export type StopSignal = keyof typeof SIGNAL_EXIT;

const STOP_SIGNALS = Object.keys(SIGNAL_EXIT) as StopSignal[];

/** A stop signal arrived while a write was committing: thrown once the write is finished, so it ends the command. */
export class Interrupted extends Error {
  override name = "Interrupted";
  readonly signal: StopSignal;

  constructor(signal: StopSignal, notWritten: readonly string[] = []) {
    const rest = notWritten.length > 0 ? `; not written: ${notWritten.join(", ")}` : "";
    super(`interrupted by ${signal}: the write under way was finished first${rest}`);
    this.signal = signal;
  }

  get exitCode(): number {
    return SIGNAL_EXIT[this.signal];
  }
}

/** Stop signals held back while a write commits. */
export interface SignalHold {
  /** The first stop signal that arrived, if one did. */
  readonly received: () => StopSignal | undefined;
  /** Settles when the first stop signal arrives. */
  readonly arrival: Promise<StopSignal>;
  /** Gives the signals their usual effect back. */
  readonly release: () => void;
}

/**
 * Holds SIGHUP, SIGINT and SIGTERM until `release`: one that arrives is noted instead of ending the process, so a
 * write under way reaches the end of its journal (a half-done one would leave old and new files mixed).
 */
export function holdSignals(): SignalHold {
  let received: StopSignal | undefined;
  let arrived: (signal: StopSignal) => void = () => {};
  const arrival = new Promise<StopSignal>((resolve) => {
    arrived = resolve;
  });
  const note = (signal: StopSignal) => {
    received ??= signal;
    arrived(received);
  };
  for (const signal of STOP_SIGNALS) process.on(signal, note);
  return {
    received: () => received,
    arrival,
    release: () => {
      for (const signal of STOP_SIGNALS) process.off(signal, note);
    },
  };
}

/** Runs `work` with the stop signals held; one that arrived meanwhile ends the command once the work is done. */
export async function holdingSignals<T>(work: (hold: SignalHold) => Promise<T>): Promise<T> {
  const hold = holdSignals();
  let result: T;
  try {
    result = await work(hold);
  } finally {
    hold.release();
  }
  const signal = hold.received();
  if (signal) throw new Interrupted(signal);
  return result;
}
