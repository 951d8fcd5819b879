import { parseDuration } from "./duration.js";

/** A parsed cron schedule: the values each field allows, or a fixed interval (`@every 1h`). */
export type CronSchedule =
  | {
      readonly kind: "fields";
      readonly seconds: number[];
      readonly minutes: number[];
      readonly hours: number[];
      readonly days: Days;
    }
  | { readonly kind: "every"; readonly interval: number };

interface Days {
  readonly dom: ReadonlySet<number>;
  readonly months: ReadonlySet<number>;
  readonly dow: ReadonlySet<number>;
  /** Vixie/robfig: when both day fields are restricted, a day matching either runs. */
  readonly either: boolean;
}

export type CronResult =
  | { readonly ok: true; readonly schedule: CronSchedule }
  | { readonly ok: false; readonly error: string };

const MACROS: Readonly<Record<string, string>> = {
  "@yearly": "0 0 1 1 *",
  "@annually": "0 0 1 1 *",
  "@monthly": "0 0 1 * *",
  "@weekly": "0 0 * * 0",
  "@daily": "0 0 * * *",
  "@midnight": "0 0 * * *",
  "@hourly": "0 * * * *",
};
const MONTHS = ["JAN", "FEB", "MAR", "APR", "MAY", "JUN", "JUL", "AUG", "SEP", "OCT", "NOV", "DEC"];
const DAYS = ["SUN", "MON", "TUE", "WED", "THU", "FRI", "SAT"];

interface FieldSpec {
  readonly name: string;
  readonly min: number;
  readonly max: number;
  readonly names?: readonly string[];
  readonly question?: boolean;
}

const SECOND: FieldSpec = { name: "second", min: 0, max: 59 };
const FIELDS: readonly FieldSpec[] = [
  { name: "minute", min: 0, max: 59 },
  { name: "hour", min: 0, max: 23 },
  { name: "day of month", min: 1, max: 31, question: true },
  { name: "month", min: 1, max: 12, names: MONTHS },
  { name: "day of week", min: 0, max: 7, names: DAYS, question: true },
];

/**
 * Parses a cron schedule: 5 fields (minute hour day-of-month month day-of-week), or 6 with seconds first when
 * `withSeconds` (CloudNativePG); `*`, `?`, numbers, names, ranges, steps and lists; the @yearly … @hourly macros
 * and `@every <duration>`. Anything else (L, W, #, H, time zones) is rejected with the reason.
 */
export function parseCron(expression: string, options: { withSeconds?: boolean } = {}): CronResult {
  const text = expression.trim();
  if (/^(CRON_)?TZ=/.test(text))
    return fail("time zone prefixes are not supported; schedules are read in UTC");
  if (text.startsWith("@every ")) {
    const interval = parseDuration(text.slice(7).trim());
    return interval
      ? { ok: true, schedule: { kind: "every", interval } }
      : fail(`"${text.slice(7).trim()}" is not a duration`);
  }
  const macro = MACROS[text];
  if (text.startsWith("@") && !macro) return fail(`unknown macro ${text}`);
  const parts = (macro ? (options.withSeconds ? `0 ${macro}` : macro) : text).split(/\s+/);
  const wanted = options.withSeconds ? 6 : 5;
  if (parts.length !== wanted)
    return fail(
      `expected ${wanted} fields${options.withSeconds ? " (seconds first)" : ""}, found ${parts.length}`,
    );
  const specs = options.withSeconds ? [SECOND, ...FIELDS] : [{ ...SECOND, min: 0, max: 0 }, ...FIELDS];
  const values: number[][] = [];
  for (const [i, spec] of specs.entries()) {
    const part = options.withSeconds ? parts[i] : i === 0 ? "0" : parts[i - 1];
    const parsed = parseField(part ?? "", spec);
    if (typeof parsed === "string") return fail(parsed);
    values.push(parsed);
  }
  const [seconds = [], minutes = [], hours = [], dom = [], months = [], dow = []] = values;
  const domPart = parts[parts.length - 3] ?? "*";
  const dowPart = parts[parts.length - 1] ?? "*";
  const either = !isStar(domPart) && !isStar(dowPart);
  const days = { dom: new Set(dom), months: new Set(months), dow: new Set(dow.map((d) => d % 7)), either };
  return { ok: true, schedule: { kind: "fields", seconds, minutes, hours, days } };
}

function fail(error: string): CronResult {
  return { ok: false, error };
}

/** robfig/cron: a field of just `*` or `?` (or with step 1) leaves the day unrestricted. */
function isStar(part: string): boolean {
  return /^[*?](\/1)?$/.test(part);
}

const UNSUPPORTED = /#|^(\d*L|L\w*|\d+W|LW|H(\(.*\))?(\/\d+)?)$/i;

/** The values one field allows, or why it is not supported. */
function parseField(text: string, spec: FieldSpec): number[] | string {
  const values = new Set<number>();
  for (const item of text.split(",")) {
    if (UNSUPPORTED.test(item))
      return `"${item}" in the ${spec.name} field uses L, W, # or H, which are not supported`;
    const match = /^(\*|\?|[0-9A-Za-z]+(?:-[0-9A-Za-z]+)?)(?:\/(\d+))?$/.exec(item);
    if (!match) return `"${item}" is not a valid ${spec.name}`;
    const [, range = "", stepText] = match;
    if (range === "?" && !spec.question) return `"?" is only allowed in the day fields`;
    const bounds =
      range === "*" || range === "?" ? [spec.min, spec.max] : range.split("-").map((v) => value(v, spec));
    const low = bounds[0];
    const high = bounds.length === 1 && stepText !== undefined ? spec.max : bounds[bounds.length - 1];
    if (low === undefined || high === undefined || Number.isNaN(low) || Number.isNaN(high))
      return `"${item}" is not a valid ${spec.name}`;
    if (low < spec.min || high > spec.max || low > high)
      return `"${item}" is outside ${spec.min}-${spec.max} for the ${spec.name}`;
    const step = stepText === undefined ? 1 : Number(stepText);
    if (step < 1) return `"${item}" has a step of 0`;
    for (let v = low; v <= high; v += step) values.add(v);
  }
  return [...values].sort((a, b) => a - b);
}

function value(text: string, spec: FieldSpec): number {
  const index = spec.names?.indexOf(text.toUpperCase()) ?? -1;
  if (index !== -1) return index + (spec.names === MONTHS ? 1 : 0);
  return /^\d+$/.test(text) ? Number(text) : Number.NaN;
}
