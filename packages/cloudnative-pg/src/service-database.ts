import { OptionError, type SecretStoreRef, type StorageClassRef } from "@k8s-ops/core";
import type { BackupOptions, PostgresClusterOptions } from "./cluster-options.js";
import { type PostgresCluster, postgresCluster } from "./postgres-cluster.js";

/** The database options a service built on CloudNativePG (Keycloak, Harbor, GitLab, …) takes from its users. */
export interface ServiceDatabaseOptions {
  readonly namespace: string;
  /** Where the database's passwords come from (the 1Password item's POSTGRES_PASSWORD, POSTGRES_SUPER_PASSWORD). */
  readonly store: SecretStoreRef;
  readonly item: string;
  readonly storageClass: StorageClassRef;
  readonly databaseInstances: number;
  readonly databaseSize: string;
  readonly databaseMonitoring: boolean;
  readonly databaseBackup?: BackupOptions;
}

/** What differs between services: the database and owner names, and the PostgreSQL image where it must. */
export type ServiceDatabaseFields = Pick<PostgresClusterOptions, "database" | "owner" | "imageName">;

/** A service's CloudNativePG cluster, `<service>-db`: the `database` stage of the service's folder. */
export function serviceDatabase(
  service: string,
  o: ServiceDatabaseOptions,
  fields: ServiceDatabaseFields = {},
): PostgresCluster {
  return postgresCluster({
    name: `${service}-db`,
    namespace: o.namespace,
    instances: o.databaseInstances,
    storage: { storageClass: o.storageClass, size: o.databaseSize },
    credentials: { store: o.store, item: o.item },
    monitoring: o.databaseMonitoring,
    backup: o.databaseBackup,
    folder: service,
    dir: "database",
    ...fields,
  });
}

/** A service's `databaseInstances` option, checked where the service's other options are: an integer ≥ 1. */
export function checkDatabaseInstances(builder: string, instances: number): void {
  if (Number.isInteger(instances) && instances >= 1) return;
  throw new OptionError({
    path: `${builder}: databaseInstances`,
    message: "the database needs at least one instance",
    expected: "an integer ≥ 1",
    found: String(instances),
  });
}
