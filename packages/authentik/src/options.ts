import type { BackupOptions } from "@k8s-ops/cloudnative-pg";
import type { GatewayRef, SecretStoreRef, StorageClassRef } from "@k8s-ops/core";

export interface AuthentikOptions {
  /** The store the secret key and database passwords are read from: the external-secrets component's `secretStore`. */
  readonly store: SecretStoreRef;
  /** The gateway authentik is reached through, from the envoy-gateway component's `gateways`. */
  readonly gateway: GatewayRef;
  /** The public host name, e.g. `auth.${SECRET_DOMAIN}`. */
  readonly hostname: string;
  /** The storage class of the database volumes. */
  readonly storageClass: StorageClassRef;
  /**
   * The 1Password item with `AUTHENTIK_SECRET_KEY` and the database's `POSTGRES_PASSWORD` and
   * `POSTGRES_SUPER_PASSWORD`. @default "authentik"
   */
  readonly item?: string;
  /** Server replicas. @default 2 */
  readonly serverReplicas?: number;
  /** Worker replicas. @default 1 */
  readonly workerReplicas?: number;
  /** PostgreSQL instances. @default 2 */
  readonly databaseInstances?: number;
  /** Size of each database volume. @default "5Gi" */
  readonly databaseSize?: string;
  /** Scrape the database's metrics (needs the VictoriaMetrics operator). @default true */
  readonly databaseMonitoring?: boolean;
  /**
   * Continuous backup of the database (WAL archiving and scheduled base backups through the barman-cloud plugin).
   * The database is business data: without a backup, `k8s-ops check` reports it. @default none
   */
  readonly databaseBackup?: BackupOptions;
  /** Namespace of authentik and its database. @default "authentik" */
  readonly namespace?: string;
}

export interface ResolvedAuthentikOptions extends Required<Omit<AuthentikOptions, "databaseBackup">> {
  readonly databaseBackup?: BackupOptions;
}

export function resolveOptions(options: AuthentikOptions): ResolvedAuthentikOptions {
  return {
    store: options.store,
    gateway: options.gateway,
    hostname: options.hostname,
    storageClass: options.storageClass,
    item: options.item ?? "authentik",
    serverReplicas: options.serverReplicas ?? 2,
    workerReplicas: options.workerReplicas ?? 1,
    databaseInstances: options.databaseInstances ?? 2,
    databaseSize: options.databaseSize ?? "5Gi",
    databaseMonitoring: options.databaseMonitoring ?? true,
    databaseBackup: options.databaseBackup,
    namespace: options.namespace ?? "authentik",
  };
}
