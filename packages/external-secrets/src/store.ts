import type { HealthCheckExpr } from "@k8s-ops/core";
import { ClusterSecretStore } from "@kubernetes-models/external-secrets/external-secrets.io/v1/ClusterSecretStore";

/** Name of the store every ExternalSecret of the cluster reads from. */
export const STORE_NAME = "onepassword-connect";

/** The key of the bootstrap Secret that holds the Connect token the store authenticates with. */
export const TOKEN_KEY = "token";

/** Flux health of a ClusterSecretStore: ready once every Ready condition is True, failed once all are False. */
export const SECRET_STORE_HEALTH: HealthCheckExpr = {
  apiVersion: "external-secrets.io/v1",
  kind: "ClusterSecretStore",
  current: "status.conditions.filter(e, e.type == 'Ready').all(e, e.status == 'True')",
  failed: "status.conditions.filter(e, e.type == 'Ready').all(e, e.status == 'False')",
};

export interface StoreOptions {
  /** The Connect API, e.g. `http://onepassword-connect.external-secrets.svc.cluster.local:8080`. */
  readonly connectHost: string;
  readonly vault: string;
  /** The Secret holding the Connect token, and its namespace. */
  readonly tokenSecret: { readonly name: string; readonly namespace: string };
}

/** The `onepassword-connect` ClusterSecretStore: one vault, read through 1Password Connect. */
export function onePasswordStore(options: StoreOptions): ClusterSecretStore {
  return new ClusterSecretStore({
    metadata: { name: STORE_NAME },
    spec: {
      provider: {
        onepassword: {
          auth: {
            secretRef: {
              connectTokenSecretRef: {
                key: TOKEN_KEY,
                name: options.tokenSecret.name,
                namespace: options.tokenSecret.namespace,
              },
            },
          },
          connectHost: options.connectHost,
          vaults: { [options.vault]: 1 },
        },
      },
    },
  });
}
