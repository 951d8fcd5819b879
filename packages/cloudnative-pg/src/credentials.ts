import type { KubeObject, SecretStoreRef } from "@k8s-ops/core";
import { type ExternalSecretOptions, type StoreSecret, storeSecret } from "@k8s-ops/external-secrets";
import type { ResolvedClusterOptions } from "./cluster-options.js";

/** The port the cluster's services listen on. */
export const POSTGRES_PORT = 5432;

/** The label CloudNativePG watches: a change to a Secret carrying it is reloaded (a rotated password applied). */
export const RELOAD_LABEL = "cnpg.io/reload";

/** The ExternalSecrets with the cluster's passwords, and the Secret names the Cluster takes them from. */
export interface ClusterCredentials {
  readonly objects: readonly KubeObject[];
  readonly uses: readonly SecretStoreRef[];
  /** The owner's credentials, with the connection details beside them. */
  readonly app: string;
  readonly superuser?: string;
  /** Password Secrets of managed roles, by role. */
  readonly roles: ReadonlyMap<string, string>;
}

/** The in-cluster host name of the cluster's read-write service. */
export function primaryHost(o: ResolvedClusterOptions): string {
  return `${o.name}-rw.${o.namespace}.svc.cluster.local`;
}

/**
 * The owner's Secret holds what an application needs to connect (`username`, `password`, `host`, `port`, `dbname`,
 * `uri`); the superuser's and the roles' hold `username` and `password`, as CloudNativePG reads them.
 */
export function clusterCredentials(o: ResolvedClusterOptions): ClusterCredentials {
  const { store, item } = o.credentials;
  const password = o.credentials.passwordField ?? "POSTGRES_PASSWORD";
  const host = primaryHost(o);
  const app = loginSecret({
    name: `${o.name}-app-credentials`,
    targetName: `${o.name}-app-credentials`,
    store,
    item,
    template: {
      dbname: o.database,
      host,
      password: `{{ .${password} }}`,
      port: String(POSTGRES_PORT),
      uri: `postgresql://${o.owner}:{{ .${password} | urlquery }}@${host}:${POSTGRES_PORT}/${o.database}`,
      username: o.owner,
    },
  });
  const superuser = o.superuserAccess
    ? login(o, "superuser", "postgres", o.credentials.superuserPasswordField ?? "POSTGRES_SUPER_PASSWORD")
    : undefined;
  const roles = o.managedRoles.flatMap((role) =>
    role.passwordField === undefined
      ? []
      : [
          {
            role: role.name,
            secret: login(o, `role-${role.name.replaceAll("_", "-")}`, role.name, role.passwordField),
          },
        ],
  );
  return {
    objects: [app.object, ...(superuser ? [superuser.object] : []), ...roles.map((r) => r.secret.object)],
    uses: [store],
    app: app.secretName,
    superuser: superuser?.secretName,
    roles: new Map(roles.map((r) => [r.role, r.secret.secretName])),
  };
}

function login(o: ResolvedClusterOptions, suffix: string, username: string, field: string) {
  const name = `${o.name}-${suffix}-credentials`;
  return loginSecret({
    name,
    targetName: name,
    store: o.credentials.store,
    item: o.credentials.item,
    template: { password: `{{ .${field} }}`, username },
  });
}

/**
 * A login as CloudNativePG reads it: a `kubernetes.io/basic-auth` Secret (`username`, `password`, and for the owner
 * the connection details beside them) labelled `cnpg.io/reload`: when a password rotated in 1Password reaches the
 * Secret, CloudNativePG applies it to PostgreSQL.
 */
function loginSecret(options: ExternalSecretOptions): StoreSecret {
  const secret = storeSecret(options);
  const target = secret.object.spec?.target;
  if (target)
    target.template = {
      ...target.template,
      metadata: { labels: { [RELOAD_LABEL]: "true" } },
      type: "kubernetes.io/basic-auth",
    };
  return secret;
}
