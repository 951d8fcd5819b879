export {
  BARMAN_CLOUD_CHART,
  BARMAN_CLOUD_CRDS,
  CLOUDNATIVE_PG_CHART,
  CLOUDNATIVE_PG_CRDS,
  type CloudNativePg,
  cloudnativePg,
} from "./cloudnative-pg.js";
export {
  type BackupOptions,
  type DataClass,
  type ManagedRoleOptions,
  type ObjectStoreOptions,
  POSTGRES_IMAGE,
  type PostgresClusterOptions,
  type PostgresCredentials,
  type RecoveryOptions,
  type S3Credentials,
  type StorageOptions,
} from "./cluster-options.js";
export { POSTGRES_PORT } from "./credentials.js";
export { BARMAN_CLOUD_PLUGIN } from "./object-store.js";
export type { CloudNativePgOptions } from "./options.js";
export {
  DATA_ANNOTATIONS,
  POSTGRES_CLUSTER_HEALTH,
  type PostgresCluster,
  postgresCluster,
} from "./postgres-cluster.js";
export {
  checkDatabaseInstances,
  type ServiceDatabaseFields,
  type ServiceDatabaseOptions,
  serviceDatabase,
} from "./service-database.js";
