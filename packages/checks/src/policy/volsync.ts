import type { PolicyContext, PolicyRule } from "../context.js";
import { type CheckFinding, finding } from "../finding.js";
import { at } from "../tree/documents.js";
import type { TreeObject } from "../tree/model.js";
import { parseCron } from "./cron.js";
import { worstCaseInterval } from "./cron-interval.js";
import { type DataUnit, dataUnits } from "./data-class.js";
import { backedUpUnits } from "./data-class-rule.js";
import { formatDuration } from "./duration.js";
import { resticRetentionDays } from "./retention.js";

const REPLICATION_SOURCE = "volsync.backube/v1alpha1";

/**
 * Every PVC whose data class requires backups has a VolSync ReplicationSource (`spec.sourcePVC`) whose
 * `spec.trigger.schedule` runs at least as often as its RPO and whose restic `retain` keeps the class's history.
 */
export const volumesBackedUp: PolicyRule = (objects, context) => {
  const sources = objects.filter(
    (o) => o.kind === "ReplicationSource" && o.apiVersion === REPLICATION_SOURCE,
  );
  return backedUpUnits(dataUnits(objects), "pvc").flatMap(({ unit, rpo, minRetentionDays }) => {
    const source = sources.find(
      (s) => s.namespace === unit.namespace && at(s.json, "spec.sourcePVC") === unit.name,
    );
    if (!source) {
      return [
        finding(
          "BACKUP_MISSING",
          context.pathOf(unit.declaredBy, "metadata.annotations"),
          `PVC ${unit.namespace}/${unit.name} (${unit.dataClass}) is not backed up`,
          {
            expected: `a ReplicationSource in ${unit.namespace} with spec.sourcePVC: ${unit.name}`,
            found: "none",
          },
        ),
      ];
    }
    return scheduleFindings(context, unit, source, rpo, minRetentionDays);
  });
};

function scheduleFindings(
  context: PolicyContext,
  unit: DataUnit,
  source: TreeObject,
  rpo: number,
  minDays: number,
): CheckFinding[] {
  const schedule = at(source.json, "spec.trigger.schedule");
  const path = context.pathOf(source, "spec.trigger.schedule");
  const what = `${unit.namespace}/${unit.name}`;
  if (typeof schedule !== "string") {
    return [
      finding("BACKUP_RPO", path, `the backup of ${what} has no schedule`, {
        expected: `a cron schedule running at least every ${formatDuration(rpo)}`,
        found: "none",
      }),
    ];
  }
  const parsed = parseCron(schedule);
  if (!parsed.ok)
    return [
      finding("CRON_INVALID", path, parsed.error, { expected: "a 5-field cron schedule", found: schedule }),
    ];
  const interval = worstCaseInterval(parsed.schedule);
  if (interval === undefined || interval > rpo) {
    const gap = interval === undefined ? "never runs" : formatDuration(interval);
    const message =
      interval === undefined
        ? `the backup of ${what} never runs`
        : `backups of ${what} can be ${gap} apart, more than its RPO`;
    return [
      finding("BACKUP_RPO", path, message, {
        expected: `at most ${formatDuration(rpo)} between runs (${unit.rpo})`,
        found: `${schedule} (worst case ${gap})`,
      }),
    ];
  }
  return retentionFindings(context, unit, source, interval, minDays);
}

function retentionFindings(
  context: PolicyContext,
  unit: DataUnit,
  source: TreeObject,
  interval: number,
  minDays: number,
): CheckFinding[] {
  const retain = at(source.json, "spec.restic.retain");
  const days = resticRetentionDays(retain, interval);
  if (days >= minDays) return [];
  return [
    finding(
      "BACKUP_RETENTION",
      context.pathOf(source, "spec.restic.retain"),
      `backups of ${unit.namespace}/${unit.name} are kept ${Math.floor(days)} days`,
      {
        expected: `at least ${minDays} days for ${unit.dataClass} data`,
        found: JSON.stringify(retain),
      },
    ),
  ];
}
