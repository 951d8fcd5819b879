import type { BackupOptions } from "@k8s-ops/cloudnative-pg";
import type { ChartSource, GatewayRef, SecretStoreRef, StorageClassRef } from "@k8s-ops/core";
import type { IKeycloakRealmImport } from "@k8s-ops/crds/k8s.keycloak.org/v2alpha1";

/** A realm representation, as `KeycloakRealmImport.spec.realm` takes it. */
export type RealmRepresentation = NonNullable<IKeycloakRealmImport["spec"]>["realm"];

export interface KeycloakOptions {
  /**
   * The chart that installs the Keycloak operator and its `k8s.keycloak.org` CRDs, from an OCI registry. Keycloak
   * publishes no chart of its own that this package could pin (see the README); the cluster names the one it uses.
   */
  readonly operatorChart: ChartSource;
  /** The store the admin and database passwords are read from: the external-secrets component's `secretStore`. */
  readonly store: SecretStoreRef;
  /** The gateway Keycloak is reached through, from the envoy-gateway component's `gateways`. */
  readonly gateway: GatewayRef;
  /** The public host name, e.g. `sso.${SECRET_DOMAIN}`. */
  readonly hostname: string;
  /** The storage class of the database volumes. */
  readonly storageClass: StorageClassRef;
  /** Keycloak server instances. @default 1 */
  readonly instances?: number;
  /** PostgreSQL instances of the database. @default 2 */
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
  /**
   * The 1Password item with the bootstrap admin's `KEYCLOAK_ADMIN_USERNAME` and `KEYCLOAK_ADMIN_PASSWORD` and the
   * database's `POSTGRES_PASSWORD` and `POSTGRES_SUPER_PASSWORD`. @default "keycloak"
   */
  readonly item?: string;
  /** Realms imported once Keycloak runs, by name (one KeycloakRealmImport each). @default {} */
  readonly realms?: Readonly<Record<string, RealmRepresentation>>;
  /** Namespace of the operator, the server and its database. @default "keycloak" */
  readonly namespace?: string;
}

export interface ResolvedKeycloakOptions extends Required<Omit<KeycloakOptions, "databaseBackup">> {
  readonly databaseBackup?: BackupOptions;
}

export function resolveOptions(options: KeycloakOptions): ResolvedKeycloakOptions {
  return {
    operatorChart: options.operatorChart,
    store: options.store,
    gateway: options.gateway,
    hostname: options.hostname,
    storageClass: options.storageClass,
    instances: options.instances ?? 1,
    databaseInstances: options.databaseInstances ?? 2,
    databaseSize: options.databaseSize ?? "5Gi",
    databaseMonitoring: options.databaseMonitoring ?? true,
    databaseBackup: options.databaseBackup,
    item: options.item ?? "keycloak",
    realms: options.realms ?? {},
    namespace: options.namespace ?? "keycloak",
  };
}
