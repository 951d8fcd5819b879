import type { CronSchedule } from "./cron.js";

const DAY = 86_400;
/** The Gregorian calendar repeats every 400 years, weekdays included (146097 days = 20871 weeks). */
const CYCLE_DAYS = 146_097;
const EPOCH = Date.UTC(2000, 0, 1);

/**
 * The longest time between two consecutive runs of a schedule, in seconds (read in UTC): what a backup on that
 * schedule can lose at worst. Undefined when the schedule never runs (e.g. 30 February).
 */
export function worstCaseInterval(schedule: CronSchedule): number | undefined {
  if (schedule.kind === "every") return schedule.interval;
  const times = timesOfDay(schedule);
  const days = matchingDays(schedule);
  const first = times[0];
  const last = times[times.length - 1];
  if (days.length === 0 || first === undefined || last === undefined) return undefined;
  let worst = 0;
  for (let i = 1; i < times.length; i++) worst = Math.max(worst, (times[i] ?? 0) - (times[i - 1] ?? 0));
  let dayGap = 0;
  for (let i = 0; i < days.length; i++) {
    const next = i + 1 < days.length ? (days[i + 1] ?? 0) : (days[0] ?? 0) + CYCLE_DAYS;
    dayGap = Math.max(dayGap, next - (days[i] ?? 0));
  }
  return Math.max(worst, dayGap * DAY + first - last);
}

function timesOfDay(schedule: Extract<CronSchedule, { kind: "fields" }>): number[] {
  const times: number[] = [];
  for (const h of schedule.hours)
    for (const m of schedule.minutes) for (const s of schedule.seconds) times.push(h * 3600 + m * 60 + s);
  return times.sort((a, b) => a - b);
}

const dayCache = new Map<string, number[]>();

/** Day numbers (from 2000-01-01) in one 400-year cycle on which the schedule runs. */
function matchingDays(schedule: Extract<CronSchedule, { kind: "fields" }>): number[] {
  const { dom, months, dow, either } = schedule.days;
  const key = [[...dom], [...months], [...dow], either].join("|");
  const cached = dayCache.get(key);
  if (cached) return cached;
  const days: number[] = [];
  for (let day = 0; day < CYCLE_DAYS; day++) {
    const date = new Date(EPOCH + day * DAY * 1000);
    if (!months.has(date.getUTCMonth() + 1)) continue;
    const domMatch = dom.has(date.getUTCDate());
    const dowMatch = dow.has(date.getUTCDay());
    if (either ? domMatch || dowMatch : domMatch && dowMatch) days.push(day);
  }
  dayCache.set(key, days);
  return days;
}
