import type { IClusterSpec } from "@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/ClusterSpec";
import type { ResolvedClusterOptions, StorageOptions } from "./cluster-options.js";
import type { ClusterCredentials } from "./credentials.js";
import { BARMAN_CLOUD_PLUGIN } from "./object-store.js";

/** The external cluster a restore reads its backups from. */
const ORIGIN = "origin";

/** The ObjectStores the cluster archives to and restores from. */
export interface StoreNames {
  readonly backup?: string;
  readonly restore?: string;
}

/** The Cluster's spec: instances, storage, credentials, bootstrap, WAL archiving and managed roles. */
export function clusterSpec(
  o: ResolvedClusterOptions,
  credentials: ClusterCredentials,
  stores: StoreNames,
): IClusterSpec {
  const recovery = o.bootstrapFromBackup;
  return {
    bootstrap: recovery
      ? {
          recovery: {
            database: o.database,
            owner: o.owner,
            recoveryTarget: recovery.targetTime ? { targetTime: recovery.targetTime } : undefined,
            secret: { name: credentials.app },
            source: ORIGIN,
          },
        }
      : { initdb: { database: o.database, owner: o.owner, secret: { name: credentials.app } } },
    enableSuperuserAccess: o.superuserAccess,
    externalClusters:
      recovery && stores.restore
        ? [{ name: ORIGIN, plugin: pluginConfig(stores.restore, recovery.serverName) }]
        : undefined,
    imageName: o.imageName,
    instances: o.instances,
    managed: o.managedRoles.length > 0 ? { roles: managedRoles(o, credentials) } : undefined,
    plugins:
      o.backup && stores.backup
        ? [{ ...pluginConfig(stores.backup, o.backup.serverName), isWALArchiver: true }]
        : undefined,
    postgresql: Object.keys(o.parameters).length > 0 ? { parameters: { ...o.parameters } } : undefined,
    primaryUpdateStrategy: "unsupervised",
    storage: storage(o.storage),
    superuserSecret: credentials.superuser ? { name: credentials.superuser } : undefined,
    walStorage: o.walStorage ? storage(o.walStorage) : undefined,
  };
}

function pluginConfig(store: string, serverName: string) {
  return { name: BARMAN_CLOUD_PLUGIN, parameters: { barmanObjectName: store, serverName } };
}

function storage(volume: StorageOptions) {
  return { size: volume.size, storageClass: volume.storageClass.name };
}

function managedRoles(o: ResolvedClusterOptions, credentials: ClusterCredentials) {
  return o.managedRoles.map((role) => {
    const secret = credentials.roles.get(role.name);
    return {
      createdb: role.createdb ?? false,
      ensure: "present" as const,
      inRoles: role.inRoles && role.inRoles.length > 0 ? [...role.inRoles] : undefined,
      login: role.login ?? true,
      name: role.name,
      passwordSecret: secret ? { name: secret } : undefined,
    };
  });
}
