import { optionMessage } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { type ObjectStoreOptions, type PostgresClusterOptions, postgresCluster } from "./index.js";
import { base, rgw, secrets, storage } from "./test-support.js";

const message = optionMessage("postgresCluster(odoo-db)");
const build = (options: Partial<PostgresClusterOptions>) => () => postgresCluster({ ...base, ...options });
const backup = (objectStore: Partial<ObjectStoreOptions>, more = {}) => ({
  backup: { objectStore: { ...rgw, ...objectStore }, ...more },
});

describe("postgresCluster errors", () => {
  it("rejects fewer than one instance", () => {
    expect(build({ instances: 0 })).toThrow(
      message("instances", "a cluster needs at least one instance", "an integer ≥ 1", "0"),
    );
  });

  it("rejects a name that is not a DNS label", () => {
    expect(() => postgresCluster({ ...base, name: "Odoo_DB" })).toThrow(
      optionMessage("postgresCluster(Odoo_DB)")(
        "name",
        "not a valid cluster name",
        "a DNS label of at most 50 characters, such as odoo-db",
        '"Odoo_DB"',
      ),
    );
  });

  it("rejects a size that is not a quantity", () => {
    expect(build({ storage: { storageClass: storage.cephBlock, size: "20 GB" } })).toThrow(
      message("storage.size", "not a storage size", "a Kubernetes quantity such as 20Gi", '"20 GB"'),
    );
    expect(build({ walStorage: { storageClass: storage.hostpath, size: "0" } })).toThrow(
      message("walStorage.size", "not a storage size", "a Kubernetes quantity such as 20Gi", '"0"'),
    );
  });

  it("rejects a database name that needs quoting", () => {
    expect(build({ database: "my-app" })).toThrow(
      message(
        "database",
        "not a plain PostgreSQL identifier",
        "lowercase letters, digits and '_', such as odoo",
        '"my-app"',
      ),
    );
  });

  it("rejects an empty credentials item and an unreadable field", () => {
    expect(build({ credentials: { store: secrets.secretStore, item: " " } })).toThrow(
      message(
        "credentials.item",
        "the 1Password item name is empty",
        "the item holding the database passwords",
        '""',
      ),
    );
    expect(
      build({ credentials: { store: secrets.secretStore, item: "db", passwordField: "app-password" } }),
    ).toThrow(
      message(
        "credentials.passwordField",
        "not a field name the secret template can read",
        "letters, digits and '_', not starting with a digit",
        '"app-password"',
      ),
    );
  });

  it("rejects an empty bucket and one S3 does not accept", () => {
    expect(build(backup({ bucket: "" }))).toThrow(
      message(
        "backup.objectStore.bucket",
        "the bucket name is empty",
        "an S3 bucket name such as postgres-backups",
        '""',
      ),
    );
    expect(build(backup({ bucket: "Postgres_Backups" }))).toThrow(
      message(
        "backup.objectStore.bucket",
        "not an S3 bucket name",
        "3 to 63 lowercase letters, digits, '.' or '-'",
        '"Postgres_Backups"',
      ),
    );
  });

  it("rejects an endpoint that is not a URL and a path with a leading slash", () => {
    expect(build(backup({ endpoint: "s3.example.com" }))).toThrow(
      message(
        "backup.objectStore.endpoint",
        "not an S3 endpoint URL",
        "an http(s) URL such as https://s3.example.com",
        '"s3.example.com"',
      ),
    );
    expect(build(backup({ path: "/postgres" }))).toThrow(
      message(
        "backup.objectStore.path",
        "not a folder in a bucket",
        "segments such as postgres/infra, without leading or trailing '/'",
        '"/postgres"',
      ),
    );
  });

  it("rejects a 5-field cron and a retention barman cannot read", () => {
    expect(build(backup({}, { schedule: "0 3 * * *" }))).toThrow(
      message(
        "backup.schedule",
        "not a 6-field cron schedule",
        "seconds first, e.g. 0 0 3 * * * for 03:00 daily",
        '"0 3 * * *"',
      ),
    );
    expect(build(backup({}, { retention: "30 days" }))).toThrow(
      message(
        "backup.retention",
        "not a barman retention policy",
        "a number of days, weeks or months, such as 30d, 4w or 12m",
        '"30 days"',
      ),
    );
  });

  it("rejects archiving into the backups being restored", () => {
    expect(build({ ...backup({}), bootstrapFromBackup: {} })).toThrow(
      message(
        "backup.serverName",
        "the restored cluster would archive its WAL into the backups it restores from",
        "a backup.serverName other than the one restored, e.g. odoo-db-v2",
        '"odoo-db"',
      ),
    );
  });

  it("rejects a restore without a store and a target that is not a time", () => {
    expect(build({ bootstrapFromBackup: {} })).toThrow(
      message(
        "bootstrapFromBackup.objectStore",
        "there is no object store to restore from",
        "bootstrapFromBackup.objectStore, or a backup.objectStore",
        "neither",
      ),
    );
    expect(build({ bootstrapFromBackup: { objectStore: rgw, targetTime: "yesterday" } })).toThrow(
      message(
        "bootstrapFromBackup.targetTime",
        "not an RFC 3339 timestamp",
        "a time such as 2026-01-31T23:00:00Z",
        '"yesterday"',
      ),
    );
  });

  it("rejects a managed role that is already managed", () => {
    const expected = "a role other than postgres, streaming_replica, app and the roles before it";
    expect(build({ managedRoles: [{ name: "postgres" }] })).toThrow(
      message("managedRoles.postgres", "the role is already managed", expected, '"postgres"'),
    );
    expect(build({ managedRoles: [{ name: "reader" }, { name: "reader" }] })).toThrow(
      message("managedRoles.reader", "the role is already managed", expected, '"reader"'),
    );
  });

  it("rejects business data declared without a backup and an RPO that is not a duration", () => {
    // GIVEN no backup WHEN the class is left to its default THEN the builder leaves the verdict to the policy
    expect(build({})).not.toThrow();
    // WHEN business or regulated data is declared without one THEN it is refused
    expect(build({ dataClass: "regulated" })).toThrow(
      message("backup", "regulated data needs a backup", 'a backup, or dataClass: "ephemeral"', "none"),
    );
    expect(build({ dataClass: "business" })).toThrow(
      message("backup", "business data needs a backup", 'a backup, or dataClass: "ephemeral"', "none"),
    );
    expect(build({ ...backup({}), rpo: "one day" })).toThrow(
      message("rpo", "not a duration", "a duration such as 24h or 15m", '"one day"'),
    );
  });

  it("rejects bad option types at compile time", () => {
    // @ts-expect-error a storage class is a reference from its provider, not a name
    build({ storage: { storageClass: "ceph-block", size: "20Gi" } });
    // @ts-expect-error a secret store is not a storage class
    build({ storage: { storageClass: secrets.secretStore, size: "20Gi" } });
    // @ts-expect-error a storage class is not a secret store
    build({ credentials: { store: storage.hostpath, item: "db" } });
    // @ts-expect-error instances are a number
    expect(build({ instances: "3" })).toThrow();
    // @ts-expect-error the data classes are regulated, business and ephemeral
    build({ dataClass: "critical" });
    // @ts-expect-error unknown option
    build({ replicas: 3 });
  });
});
