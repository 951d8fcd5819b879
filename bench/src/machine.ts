import { cpus, freemem, loadavg, totalmem } from "node:os";

/** The machine a run happened on, written beside its results. */
export interface Machine {
  readonly cpu: string;
  readonly cores: number;
  readonly memoryGiB: number;
  readonly node: string;
  readonly platform: string;
  /** 1-minute load average when the run started: above the core count, other work was competing. */
  readonly loadAverage: number;
  readonly freeMemoryGiB: number;
}

export function machine(): Machine {
  const gib = (bytes: number) => Math.round((bytes / 1024 ** 3) * 10) / 10;
  return {
    cpu: cpus()[0]?.model ?? "unknown",
    cores: cpus().length,
    memoryGiB: gib(totalmem()),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    loadAverage: Math.round((loadavg()[0] ?? 0) * 100) / 100,
    freeMemoryGiB: gib(freemem()),
  };
}
