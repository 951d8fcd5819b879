import { describe, expect, it } from "vitest";
import { formatDuration, parseDuration } from "./duration.js";
import { barmanRetentionDays, resticRetentionDays, resticWithinDays } from "./retention.js";

describe("parseDuration / formatDuration", () => {
  it("reads Go-style durations with days, weeks and years, and writes them back for people", () => {
    expect(parseDuration("24h")).toBe(86_400);
    expect(parseDuration("1h30m")).toBe(5400);
    expect(parseDuration("7d")).toBe(604_800);
    expect(parseDuration("2w")).toBe(1_209_600);
    expect(parseDuration("soon")).toBeUndefined();
    expect(parseDuration("0h")).toBeUndefined();
    expect(formatDuration(93_784)).toBe("1d 2h 3m 4s");
    expect(formatDuration(0)).toBe("0s");
  });
});

describe("retention", () => {
  it("takes the longest window of a restic retain policy", () => {
    expect(resticRetentionDays({ daily: 7, weekly: 4 }, 86_400)).toBe(28);
    expect(resticRetentionDays({ monthly: 12 }, 86_400)).toBeCloseTo(365.25);
    expect(resticRetentionDays({ last: 48 }, 3600)).toBe(2);
    expect(resticRetentionDays({ within: "1y" }, 3600)).toBeCloseTo(365.25);
    expect(resticRetentionDays(undefined, 3600)).toBe(Number.POSITIVE_INFINITY);
    expect(resticWithinDays("2m10d")).toBeCloseTo(70.875);
  });

  it("reads barman retention policies", () => {
    expect(barmanRetentionDays("30d")).toBe(30);
    expect(barmanRetentionDays("4w")).toBe(28);
    expect(barmanRetentionDays("12m")).toBeCloseTo(365.25);
    expect(barmanRetentionDays("forever")).toBeUndefined();
    expect(barmanRetentionDays(undefined)).toBe(Number.POSITIVE_INFINITY);
  });
});
