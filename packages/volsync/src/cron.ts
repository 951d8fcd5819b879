/** The cron macros VolSync (robfig/cron) and its CRD accept. */
const MACROS = new Set(["@yearly", "@annually", "@monthly", "@weekly", "@daily", "@hourly"]);

/** The five fields of a VolSync schedule, with the values each takes. */
const FIELDS = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day-of-month", min: 1, max: 31 },
  { name: "month", min: 1, max: 12 },
  { name: "day-of-week", min: 0, max: 6 },
] as const;

/**
 * One field as the CRD's pattern allows it: `*`, `*\/step`, a number or a list of numbers, `from-to`, `from/step`.
 * Names (MON, JAN) and lists of ranges are refused: the CRD's schedule pattern does not accept them.
 */
const FIELD = /^(?:\*(?:\/(\d+))?|(\d+(?:,\d+)*)|(\d+)-(\d+)|(\d+)\/(\d+))$/;

/** What is wrong with a schedule, for an OptionError; undefined when VolSync accepts it. */
export interface CronProblem {
  readonly message: string;
  readonly expected: string;
}

export const CRON_EXPECTED =
  'five fields "minute hour day-of-month month day-of-week" of numbers, *, */n, a-b or a/n, such as "0 * * * *", ' +
  "or @hourly, @daily, @weekly, @monthly, @yearly";

export function cronProblem(schedule: string): CronProblem | undefined {
  if (MACROS.has(schedule)) return undefined;
  const fields = schedule.split(" ");
  if (fields.length !== FIELDS.length) return { message: "not a cron schedule", expected: CRON_EXPECTED };
  for (const [index, field] of FIELDS.entries()) {
    const problem = fieldProblem(fields[index] ?? "", field);
    if (problem) return problem;
  }
  return undefined;
}

function fieldProblem(text: string, field: (typeof FIELDS)[number]): CronProblem | undefined {
  const match = FIELD.exec(text);
  if (!match) return { message: "not a cron schedule", expected: CRON_EXPECTED };
  const [, everyStep, list, from, to, start, step] = match;
  const values = [list?.split(","), [from, to], [start]]
    .flat()
    .filter((v) => v !== undefined)
    .map(Number);
  const steps = [everyStep, step].filter((v) => v !== undefined).map(Number);
  const range = `${field.name} values ${field.min}-${field.max}`;
  if (values.some((v) => v < field.min || v > field.max))
    return { message: `the ${field.name} field is out of range`, expected: range };
  if (from !== undefined && Number(from) > Number(to))
    return { message: `the ${field.name} range runs backwards`, expected: `${range}, from ≤ to` };
  if (steps.some((s) => s < 1)) return { message: `the ${field.name} step is zero`, expected: "a step ≥ 1" };
  return undefined;
}
