import type { KubeObject, SecretStoreRef } from "@k8s-ops/core";
import { ObjectStore } from "@k8s-ops/crds/barmancloud.cnpg.io/v1";
import { storeSecret } from "@k8s-ops/external-secrets";
import { ScheduledBackup } from "@kubernetes-models/cloudnative-pg/postgresql.cnpg.io/v1/ScheduledBackup";
import type { ObjectStoreOptions, ResolvedBackup } from "./cluster-options.js";

/** The name under which the barman-cloud plugin registers with the operator. */
export const BARMAN_CLOUD_PLUGIN = "barman-cloud.cloudnative-pg.io";

/** The keys of the S3 credentials Secret the ObjectStore reads. */
const ACCESS_KEY = "ACCESS_KEY_ID";
const SECRET_KEY = "ACCESS_SECRET_KEY";

/** An ObjectStore, the ExternalSecret with its keys, and the store that ExternalSecret reads from. */
export interface StoreObjects {
  readonly name: string;
  readonly objects: readonly KubeObject[];
  readonly uses: readonly SecretStoreRef[];
}

/** `s3://bucket/path`: where barman-cloud writes (each server in its own folder below). */
export function destinationPath(store: ObjectStoreOptions): string {
  return store.path ? `s3://${store.bucket}/${store.path}` : `s3://${store.bucket}/`;
}

/** A barman-cloud ObjectStore named `name`, with its S3 keys read from 1Password by an ExternalSecret. */
export function objectStore(name: string, store: ObjectStoreOptions, retention?: string): StoreObjects {
  const keys = storeSecret({
    name: `${name}-s3-credentials`,
    targetName: `${name}-s3-credentials`,
    store: store.credentials.store,
    item: store.credentials.item,
    template: {
      [ACCESS_KEY]: `{{ .${store.credentials.accessKeyField ?? "AWS_ACCESS_KEY_ID"} }}`,
      [SECRET_KEY]: `{{ .${store.credentials.secretKeyField ?? "AWS_SECRET_ACCESS_KEY"} }}`,
    },
  });
  const object = new ObjectStore({
    metadata: { name },
    spec: {
      configuration: {
        data: { compression: "gzip" },
        destinationPath: destinationPath(store),
        endpointURL: store.endpoint,
        s3Credentials: {
          accessKeyId: { key: ACCESS_KEY, name: keys.secretName },
          secretAccessKey: { key: SECRET_KEY, name: keys.secretName },
        },
        wal: { compression: "gzip" },
      },
      retentionPolicy: retention,
    },
  });
  return { name, objects: [object, keys.object], uses: keys.uses };
}

/** Base backups of the cluster through the plugin, on the backup's schedule, the first one right away. */
export function scheduledBackup(cluster: string, backup: ResolvedBackup): ScheduledBackup {
  return new ScheduledBackup({
    metadata: { name: cluster },
    spec: {
      backupOwnerReference: "self",
      cluster: { name: cluster },
      immediate: true,
      method: "plugin",
      pluginConfiguration: { name: BARMAN_CLOUD_PLUGIN },
      schedule: backup.schedule,
    },
  });
}
