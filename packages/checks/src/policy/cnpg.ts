import type { PolicyContext, PolicyRule } from "../context.js";
import { type CheckFinding, finding } from "../finding.js";
import { at, isObject } from "../tree/documents.js";
import type { TreeObject } from "../tree/model.js";
import { parseCron } from "./cron.js";
import { worstCaseInterval } from "./cron-interval.js";
import { type DataUnit, dataUnits } from "./data-class.js";
import { backedUpUnits } from "./data-class-rule.js";
import { formatDuration } from "./duration.js";
import { barmanRetentionDays } from "./retention.js";

const CNPG = "postgresql.cnpg.io/v1";
const BARMAN_PLUGIN = "barman-cloud.cloudnative-pg.io";
/** PostgreSQL's archive_timeout as CloudNativePG sets it: a WAL segment reaches the archive within 5 minutes. */
const WAL_ARCHIVE_RPO = 5 * 60;

/**
 * Every CloudNativePG Cluster whose data class requires backups has a ScheduledBackup (6-field cron) of it; its RPO
 * is met by continuous WAL archiving (barmanObjectStore or the barman-cloud plugin) or by the schedule; and the
 * retention policy keeps the class's history.
 */
export const databasesBackedUp: PolicyRule = (objects, context) => {
  const scheduled = objects.filter((o) => o.kind === "ScheduledBackup" && o.apiVersion === CNPG);
  return backedUpUnits(dataUnits(objects), "database").flatMap(({ unit, rpo, minRetentionDays }) => {
    const backup = scheduled.find(
      (b) =>
        b.namespace === unit.namespace &&
        at(b.json, "spec.cluster.name") === unit.name &&
        at(b.json, "spec.suspend") !== true,
    );
    if (!backup) {
      return [
        finding(
          "BACKUP_MISSING",
          context.pathOf(unit.declaredBy, "spec.backup"),
          `database ${unit.namespace}/${unit.name} (${unit.dataClass}) has no scheduled backup`,
          {
            expected: `a ScheduledBackup in ${unit.namespace} with spec.cluster.name: ${unit.name}`,
            found: "none",
          },
        ),
      ];
    }
    return [
      ...rpoFindings(context, unit, backup, rpo),
      ...retentionFindings(context, unit, objects, minRetentionDays),
    ];
  });
};

function rpoFindings(
  context: PolicyContext,
  unit: DataUnit,
  backup: TreeObject,
  rpo: number,
): CheckFinding[] {
  const schedule = String(at(backup.json, "spec.schedule") ?? "");
  const path = context.pathOf(backup, "spec.schedule");
  const parsed = parseCron(schedule, { withSeconds: true });
  if (!parsed.ok)
    return [
      finding("CRON_INVALID", path, parsed.error, {
        expected: "a 6-field cron schedule (seconds first)",
        found: schedule,
      }),
    ];
  const interval = worstCaseInterval(parsed.schedule);
  const archiving = walArchiving(unit.declaredBy);
  if (archiving && rpo >= WAL_ARCHIVE_RPO && interval !== undefined) return [];
  if (interval !== undefined && interval <= rpo) return [];
  return [
    finding("BACKUP_RPO", path, `database ${unit.namespace}/${unit.name} can lose more than its RPO`, {
      expected: `WAL archiving (RPO ≥ 5m) or base backups at most ${formatDuration(rpo)} apart (${unit.rpo})`,
      found: `${schedule} (worst case ${interval === undefined ? "never runs" : formatDuration(interval)})${archiving ? ", WAL archiving" : ", no WAL archiving"}`,
    }),
  ];
}

function walArchiving(cluster: TreeObject): boolean {
  if (isObject(at(cluster.json, "spec.backup.barmanObjectStore"))) return true;
  const plugins = at(cluster.json, "spec.plugins");
  return (
    Array.isArray(plugins) &&
    plugins.some((p) => isObject(p) && p.name === BARMAN_PLUGIN && p.isWALArchiver === true)
  );
}

/** The retention policy of the Cluster's barmanObjectStore, or of the barman-cloud ObjectStore its plugin names. */
function retentionFindings(
  context: PolicyContext,
  unit: DataUnit,
  objects: readonly TreeObject[],
  minDays: number,
): CheckFinding[] {
  const cluster = unit.declaredBy;
  let source: TreeObject = cluster;
  let field = "spec.backup.retentionPolicy";
  const plugins = at(cluster.json, "spec.plugins");
  const plugin = Array.isArray(plugins)
    ? plugins.find((p) => isObject(p) && p.name === BARMAN_PLUGIN)
    : undefined;
  const storeName = isObject(plugin) ? at(plugin, "parameters.barmanObjectName") : undefined;
  const store = objects.find(
    (o) => o.kind === "ObjectStore" && o.name === storeName && o.namespace === unit.namespace,
  );
  if (store) {
    source = store;
    field = "spec.retentionPolicy";
  }
  const policy = at(source.json, field);
  const days = barmanRetentionDays(policy);
  if (days !== undefined && days >= minDays) return [];
  return [
    finding(
      "BACKUP_RETENTION",
      context.pathOf(source, field),
      `backups of database ${unit.namespace}/${unit.name} are not kept long enough`,
      {
        expected: `a retention of at least ${minDays} days for ${unit.dataClass} data (e.g. ${minDays}d)`,
        found: JSON.stringify(policy ?? null),
      },
    ),
  ];
}
