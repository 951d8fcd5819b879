import { describe, expect, it } from "vitest";
import { type CronResult, parseCron } from "./cron.js";
import { worstCaseInterval } from "./cron-interval.js";

const HOUR = 3600;
const DAY = 24 * HOUR;

function interval(expression: string, withSeconds = false): number | undefined {
  const parsed = parseCron(expression, { withSeconds });
  if (!parsed.ok) throw new Error(parsed.error);
  return worstCaseInterval(parsed.schedule);
}

function error(result: CronResult): string | undefined {
  return result.ok ? undefined : result.error;
}

describe("worstCaseInterval", () => {
  it.each([
    ["0 * * * *", HOUR],
    ["*/15 * * * *", 15 * 60],
    ["0 3 * * *", DAY],
    ["0 0,12 * * *", 12 * HOUR],
    ["0 1,2 * * *", 23 * HOUR],
    ["0 2 * * 1-5", 3 * DAY],
    ["0 4 * * SUN", 7 * DAY],
    ["30 2 1 * *", 31 * DAY],
    ["0 0 31 * *", 61 * DAY],
    ["0 0 1,15 * MON", 7 * DAY],
    ["@daily", DAY],
    ["@hourly", HOUR],
    ["@weekly", 7 * DAY],
  ])("%s runs at worst every %i seconds", (expression, seconds) => {
    expect(interval(expression)).toBe(seconds);
  });

  it("reads 6-field schedules with seconds first, as CloudNativePG writes them", () => {
    expect(interval("0 0 0 * * *", true)).toBe(DAY);
    expect(interval("*/30 * * * * *", true)).toBe(30);
    expect(interval("0 0 */6 * * ?", true)).toBe(6 * HOUR);
    expect(interval("@every 1h30m", true)).toBe(5400);
  });

  it("finds the leap-year gap of 29 February and knows 30 February never comes", () => {
    expect(interval("0 0 29 2 *")).toBe((365 * 7 + 366) * DAY);
    expect(interval("0 0 30 2 *")).toBeUndefined();
  });
});

describe("parseCron", () => {
  it.each([
    ["0 3 * *", {}, "expected 5 fields, found 4"],
    ["0 3 * * *", { withSeconds: true }, "expected 6 fields (seconds first), found 5"],
    ["0 3 L * *", {}, '"L" in the day of month field uses L, W, # or H, which are not supported'],
    ["0 3 * * 5#3", {}, '"5#3" in the day of week field uses L, W, # or H, which are not supported'],
    ["0 3 15W * *", {}, '"15W" in the day of month field uses L, W, # or H, which are not supported'],
    ["H 3 * * *", {}, '"H" in the minute field uses L, W, # or H, which are not supported'],
    ["CRON_TZ=Europe/Paris 0 3 * * *", {}, "time zone prefixes are not supported; schedules are read in UTC"],
    ["0 24 * * *", {}, '"24" is outside 0-23 for the hour'],
    ["0 3 * JANUARY *", {}, '"JANUARY" is not a valid month'],
    ["? 3 * * *", {}, '"?" is only allowed in the day fields'],
    ["*/0 3 * * *", {}, '"*/0" has a step of 0'],
    ["@reboot", {}, "unknown macro @reboot"],
    ["@every soon", {}, '"soon" is not a duration'],
  ])("rejects %s", (expression, options, message) => {
    expect(error(parseCron(expression, options))).toBe(message);
  });

  it("reads names, ranges, steps and lists", () => {
    const parsed = parseCron("5-10/5,30 */8 1-3 JAN-MAR,DEC mon-fri");
    expect(
      parsed.ok && parsed.schedule.kind === "fields"
        ? [
            parsed.schedule.minutes,
            parsed.schedule.hours,
            [...parsed.schedule.days.months],
            [...parsed.schedule.days.dow],
          ]
        : parsed,
    ).toEqual([
      [5, 10, 30],
      [0, 8, 16],
      [1, 2, 3, 12],
      [1, 2, 3, 4, 5],
    ]);
  });
});
