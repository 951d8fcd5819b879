import { isObject } from "../tree/documents.js";

const MONTH_DAYS = 365.25 / 12;
const YEAR_DAYS = 365.25;

/**
 * How many days of history a VolSync restic `retain` keeps: the longest of its hourly, daily, weekly, monthly,
 * yearly, within and last (× the schedule's interval) windows. No `retain` keeps every snapshot: unbounded.
 */
export function resticRetentionDays(retain: unknown, intervalSeconds: number): number {
  if (!isObject(retain) || Object.keys(retain).length === 0) return Number.POSITIVE_INFINITY;
  const count = (key: string) => (typeof retain[key] === "number" ? (retain[key] as number) : 0);
  const windows = [
    count("hourly") / 24,
    count("daily"),
    count("weekly") * 7,
    count("monthly") * MONTH_DAYS,
    count("yearly") * YEAR_DAYS,
    (count("last") * intervalSeconds) / 86_400,
    typeof retain.within === "string" ? (resticWithinDays(retain.within) ?? 0) : 0,
  ];
  return Math.max(...windows);
}

/** restic's `--keep-within` durations: `1y5m7d2h` (m is months). */
export function resticWithinDays(text: string): number | undefined {
  if (!/^(\d+[ymdh])+$/.test(text)) return undefined;
  const size: Readonly<Record<string, number>> = { y: YEAR_DAYS, m: MONTH_DAYS, d: 1, h: 1 / 24 };
  let days = 0;
  for (const [, amount, unit] of text.matchAll(/(\d+)([ymdh])/g))
    days += Number(amount) * (size[unit ?? ""] ?? 0);
  return days;
}

/** CloudNativePG / barman-cloud `retentionPolicy` (`30d`, `4w`, `12m`) in days; unbounded when absent. */
export function barmanRetentionDays(policy: unknown): number | undefined {
  if (policy === undefined) return Number.POSITIVE_INFINITY;
  const match = typeof policy === "string" ? /^([1-9][0-9]*)([dwm])$/.exec(policy) : null;
  if (!match) return undefined;
  const per: Readonly<Record<string, number>> = { d: 1, w: 7, m: MONTH_DAYS };
  return Number(match[1]) * (per[match[2] ?? ""] ?? 0);
}
