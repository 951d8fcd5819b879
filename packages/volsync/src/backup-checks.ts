import { OptionError } from "@k8s-ops/core";
import type { ResolvedBackupOptions } from "./backup-options.js";
import { cronProblem } from "./cron.js";

const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** A quantity above zero in bytes: digits, an optional fraction and a binary or decimal suffix. */
const QUANTITY = /^[0-9]+(\.[0-9]+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$/;
/** VolSync names the restore's mover Job `volsync-dst-<name>-dst`, and a Job name has at most 63 characters. */
export const MAX_NAME = 63 - "volsync-dst-".length - "-dst".length;

type Fail = (field: string, message: string, expected: string, found: string) => never;

/** Checks every option of `backup()`; throws an OptionError naming the first one that cannot work. */
export function checkBackupOptions(o: ResolvedBackupOptions): void {
  const fail: Fail = (field, message, expected, found) => {
    throw new OptionError({ path: `backup(${o.app}): ${field}`, message, expected, found });
  };
  checkNames(o, fail);
  checkQuantity("capacity", o.capacity, fail);
  checkQuantity("cacheCapacity", o.cacheCapacity, fail);
  const cron = cronProblem(o.schedule);
  if (cron) fail("schedule", cron.message, cron.expected, JSON.stringify(o.schedule));
  if (o.repository.item.trim() === "")
    fail(
      "repository.item",
      "the 1Password item name is empty",
      "the item holding REPOSITORY_TEMPLATE, RESTIC_PASSWORD and the S3 credentials",
      '""',
    );
  checkCounts(o, fail);
}

/** Retention counts, the prune interval and the mover ids: integers in range. */
function checkCounts(o: ResolvedBackupOptions, fail: Fail): void {
  for (const [period, count] of Object.entries(o.retention)) {
    if (count !== undefined && !(Number.isInteger(count) && count >= 1))
      fail(
        `retention.${period}`,
        "a retention count must keep at least one snapshot",
        "an integer ≥ 1",
        String(count),
      );
  }
  if (!Number.isInteger(o.pruneIntervalDays) || o.pruneIntervalDays < 1)
    fail(
      "pruneIntervalDays",
      "restic must prune now and then",
      "an integer ≥ 1",
      String(o.pruneIntervalDays),
    );
  for (const [field, id] of Object.entries(o.moverSecurityContext)) {
    if (!Number.isInteger(id) || id < 0)
      fail(`moverSecurityContext.${field}`, "not a user or group id", "an integer ≥ 0", String(id));
  }
}

function checkNames(o: ResolvedBackupOptions, fail: Fail): void {
  for (const [field, value] of [
    ["app", o.app],
    ["pvc", o.pvc],
  ] as const) {
    if (!LABEL.test(value))
      fail(field, "not a valid name", "a lowercase RFC 1123 label such as gatus", JSON.stringify(value));
  }
  if (o.name.length > MAX_NAME)
    fail(
      o.name === o.app ? "app" : "pvc",
      "too long for the Jobs VolSync names after the backup",
      `a backup name (app, or app-pvc) of at most ${MAX_NAME} characters`,
      `${JSON.stringify(o.name)} (${o.name.length} characters)`,
    );
}

function checkQuantity(field: string, value: string, fail: Fail): void {
  if (!QUANTITY.test(value) || Number.parseFloat(value) <= 0)
    fail(field, "not a Kubernetes quantity", "a size above zero such as 5Gi or 500Mi", JSON.stringify(value));
}
