import type { DataClass, ResolvedClusterOptions, StorageOptions } from "./cluster-options.js";
import { checkField, type Fail, failer } from "./fail.js";
import { DNS_LABEL, DURATION, isSize, PG_IDENTIFIER } from "./formats.js";
import { checkBackup, checkRecovery } from "./store-checks.js";

/**
 * Throws an OptionError for the first option the builder cannot use. `declaredClass` is the data class the caller
 * gave, if any.
 */
export function checkClusterOptions(o: ResolvedClusterOptions, declaredClass?: DataClass): void {
  const fail = failer(o);
  if (!DNS_LABEL.test(o.name) || o.name.length > 50)
    fail(
      "name",
      "not a valid cluster name",
      "a DNS label of at most 50 characters, such as odoo-db",
      JSON.stringify(o.name),
    );
  if (!Number.isInteger(o.instances) || o.instances < 1)
    fail("instances", "a cluster needs at least one instance", "an integer ≥ 1", String(o.instances));
  checkStorage(fail, "storage", o.storage);
  if (o.walStorage) checkStorage(fail, "walStorage", o.walStorage);
  for (const [field, value] of [
    ["database", o.database],
    ["owner", o.owner],
  ] as const)
    if (!PG_IDENTIFIER.test(value))
      fail(
        field,
        "not a plain PostgreSQL identifier",
        "lowercase letters, digits and '_', such as odoo",
        JSON.stringify(value),
      );
  checkCredentials(fail, o);
  checkBackup(fail, o);
  checkRecovery(fail, o);
  checkRoles(fail, o);
  checkDataClass(fail, o, declaredClass);
}

function checkStorage(fail: Fail, field: string, storage: StorageOptions): void {
  if (!isSize(storage.size))
    fail(
      `${field}.size`,
      "not a storage size",
      "a Kubernetes quantity such as 20Gi",
      JSON.stringify(storage.size),
    );
}

function checkCredentials(fail: Fail, o: ResolvedClusterOptions): void {
  if (o.credentials.item.trim() === "")
    fail(
      "credentials.item",
      "the 1Password item name is empty",
      "the item holding the database passwords",
      '""',
    );
  checkField(fail, "credentials.passwordField", o.credentials.passwordField ?? "POSTGRES_PASSWORD");
  checkField(
    fail,
    "credentials.superuserPasswordField",
    o.credentials.superuserPasswordField ?? "POSTGRES_SUPER_PASSWORD",
  );
}

function checkRoles(fail: Fail, o: ResolvedClusterOptions): void {
  const seen = new Set<string>();
  for (const role of o.managedRoles) {
    const field = `managedRoles.${role.name}`;
    if (!PG_IDENTIFIER.test(role.name))
      fail(
        field,
        "not a plain PostgreSQL identifier",
        "lowercase letters, digits and '_'",
        JSON.stringify(role.name),
      );
    if (["postgres", "streaming_replica", o.owner].includes(role.name) || seen.has(role.name))
      fail(
        field,
        "the role is already managed",
        `a role other than postgres, streaming_replica, ${o.owner} and the roles before it`,
        JSON.stringify(role.name),
      );
    seen.add(role.name);
    if (role.passwordField !== undefined) checkField(fail, `${field}.passwordField`, role.passwordField);
  }
}

/** A class the caller declares and contradicts is an error; the default class is held to the cluster's policy. */
function checkDataClass(fail: Fail, o: ResolvedClusterOptions, declaredClass?: DataClass): void {
  if (declaredClass !== undefined && declaredClass !== "ephemeral" && !o.backup)
    fail("backup", `${o.dataClass} data needs a backup`, 'a backup, or dataClass: "ephemeral"', "none");
  if (o.rpo !== undefined && !DURATION.test(o.rpo))
    fail("rpo", "not a duration", "a duration such as 24h or 15m", JSON.stringify(o.rpo));
}
