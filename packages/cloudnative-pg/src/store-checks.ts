import type { ObjectStoreOptions, ResolvedClusterOptions } from "./cluster-options.js";
import { checkField, type Fail } from "./fail.js";
import {
  BUCKET,
  BUCKET_PATH,
  DNS_LABEL,
  isEndpoint,
  isSixFieldCron,
  RETENTION,
  TIMESTAMP,
} from "./formats.js";

function checkStore(fail: Fail, field: string, store: ObjectStoreOptions): void {
  if (!isEndpoint(store.endpoint))
    fail(
      `${field}.endpoint`,
      "not an S3 endpoint URL",
      "an http(s) URL such as https://s3.example.com",
      JSON.stringify(store.endpoint),
    );
  if (store.bucket.trim() === "")
    fail(`${field}.bucket`, "the bucket name is empty", "an S3 bucket name such as postgres-backups", '""');
  if (!BUCKET.test(store.bucket))
    fail(
      `${field}.bucket`,
      "not an S3 bucket name",
      "3 to 63 lowercase letters, digits, '.' or '-'",
      JSON.stringify(store.bucket),
    );
  if (store.path !== undefined && !BUCKET_PATH.test(store.path))
    fail(
      `${field}.path`,
      "not a folder in a bucket",
      "segments such as postgres/infra, without leading or trailing '/'",
      JSON.stringify(store.path),
    );
  if (store.credentials.item.trim() === "")
    fail(
      `${field}.credentials.item`,
      "the 1Password item name is empty",
      "the item holding the S3 keys",
      '""',
    );
  checkField(
    fail,
    `${field}.credentials.accessKeyField`,
    store.credentials.accessKeyField ?? "AWS_ACCESS_KEY_ID",
  );
  checkField(
    fail,
    `${field}.credentials.secretKeyField`,
    store.credentials.secretKeyField ?? "AWS_SECRET_ACCESS_KEY",
  );
}

export function checkBackup(fail: Fail, o: ResolvedClusterOptions): void {
  if (!o.backup) return;
  checkStore(fail, "backup.objectStore", o.backup.objectStore);
  if (!isSixFieldCron(o.backup.schedule))
    fail(
      "backup.schedule",
      "not a 6-field cron schedule",
      "seconds first, e.g. 0 0 3 * * * for 03:00 daily",
      JSON.stringify(o.backup.schedule),
    );
  if (!RETENTION.test(o.backup.retention))
    fail(
      "backup.retention",
      "not a barman retention policy",
      "a number of days, weeks or months, such as 30d, 4w or 12m",
      JSON.stringify(o.backup.retention),
    );
  if (!DNS_LABEL.test(o.backup.serverName))
    fail(
      "backup.serverName",
      "not a valid server name",
      "a DNS label such as odoo-db-v2",
      JSON.stringify(o.backup.serverName),
    );
}

export function checkRecovery(fail: Fail, o: ResolvedClusterOptions): void {
  const recovery = o.bootstrapFromBackup;
  if (!recovery) return;
  if (!recovery.objectStore)
    fail(
      "bootstrapFromBackup.objectStore",
      "there is no object store to restore from",
      "bootstrapFromBackup.objectStore, or a backup.objectStore",
      "neither",
    );
  if (recovery.objectStore !== o.backup?.objectStore)
    checkStore(fail, "bootstrapFromBackup.objectStore", recovery.objectStore);
  if (recovery.targetTime !== undefined && !TIMESTAMP.test(recovery.targetTime))
    fail(
      "bootstrapFromBackup.targetTime",
      "not an RFC 3339 timestamp",
      "a time such as 2026-01-31T23:00:00Z",
      JSON.stringify(recovery.targetTime),
    );
  if (
    o.backup &&
    sameStore(o.backup.objectStore, recovery.objectStore) &&
    o.backup.serverName === recovery.serverName
  )
    fail(
      "backup.serverName",
      "the restored cluster would archive its WAL into the backups it restores from",
      "a backup.serverName other than the one restored, e.g. odoo-db-v2",
      JSON.stringify(o.backup.serverName),
    );
}

function sameStore(a: ObjectStoreOptions, b: ObjectStoreOptions): boolean {
  return a.endpoint === b.endpoint && a.bucket === b.bucket && (a.path ?? "") === (b.path ?? "");
}
