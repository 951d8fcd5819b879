import { type PostgresCluster, serviceDatabase } from "@k8s-ops/cloudnative-pg";
import { type App, type Component, defineApp, type HealthCheckExpr, helmApp, packageOf } from "@k8s-ops/core";
import { Keycloak, KeycloakRealmImport } from "@k8s-ops/crds/k8s.keycloak.org/v2alpha1";
import { httpRoute } from "@k8s-ops/envoy-gateway";
import { storeSecret } from "@k8s-ops/external-secrets";
import { checkOptions } from "./checks.js";
import { type KeycloakOptions, type ResolvedKeycloakOptions, resolveOptions } from "./options.js";

/** Named on every object this package renders into a cluster. */
const SOURCE = packageOf(import.meta.url);

/** The CRD group the operator chart installs: Keycloak and KeycloakRealmImport. */
export const KEYCLOAK_CRDS = ["k8s.keycloak.org/*"];

/** The HTTP port of the Service the operator creates (`<name>-service`) with `http.httpEnabled`. */
export const KEYCLOAK_HTTP_PORT = 8080;

/** Flux health of a Keycloak: ready once its Ready condition is True. */
export const KEYCLOAK_HEALTH: HealthCheckExpr = {
  apiVersion: "k8s.keycloak.org/v2alpha1",
  kind: "Keycloak",
  current: "has(status.conditions) && status.conditions.exists(e, e.type == 'Ready' && e.status == 'True')",
};

const NAME = "keycloak";

export interface KeycloakComponent extends Component {
  /** The URL users and OIDC clients reach Keycloak at. */
  readonly url: string;
}

/**
 * The Keycloak operator (CRDs, waited for), a CloudNativePG database, and a Keycloak server on it with its
 * bootstrap admin from the secret store, routed through the gateway, plus one KeycloakRealmImport per realm.
 * All are stages of `apps/<namespace>/keycloak`.
 */
export function keycloak(options: KeycloakOptions): KeycloakComponent {
  const o = resolveOptions(options);
  checkOptions(o);
  const operator = helmApp({
    name: "keycloak-operator",
    namespace: o.namespace,
    layer: "controllers",
    folder: NAME,
    dir: "operator",
    chart: o.operatorChart,
    crds: KEYCLOAK_CRDS,
    wait: true,
  });
  const database = serviceDatabase(NAME, o, { database: NAME });
  return {
    name: NAME,
    apps: [operator, database.app, serverApp(o, database)],
    source: SOURCE,
    url: `https://${o.hostname}`,
  };
}

function serverApp(o: ResolvedKeycloakOptions, database: PostgresCluster): App {
  const admin = storeSecret({
    name: `${NAME}-admin`,
    store: o.store,
    item: o.item,
    template: { username: "{{ .KEYCLOAK_ADMIN_USERNAME }}", password: "{{ .KEYCLOAK_ADMIN_PASSWORD }}" },
  });
  const route = httpRoute({
    name: NAME,
    gateway: o.gateway,
    hostnames: [o.hostname],
    service: { name: `${NAME}-service`, port: KEYCLOAK_HTTP_PORT },
  });
  return defineApp({
    name: NAME,
    namespace: o.namespace,
    layer: "platform",
    folder: NAME,
    dir: "app",
    objects: [admin.object, server(o, database, admin.secretName), route.route, ...realmImports(o)],
    uses: [database.service, ...admin.uses, ...route.uses],
    wait: true,
    healthCheckExprs: [KEYCLOAK_HEALTH],
  });
}

function server(o: ResolvedKeycloakOptions, database: PostgresCluster, adminSecret: string): Keycloak {
  return new Keycloak({
    metadata: { name: NAME },
    spec: {
      bootstrapAdmin: { user: { secret: adminSecret } },
      db: {
        vendor: "postgres",
        host: database.service.host,
        port: database.service.port,
        database: database.database,
        usernameSecret: { name: database.secretName, key: "username" },
        passwordSecret: { name: database.secretName, key: "password" },
      },
      hostname: { hostname: `https://${o.hostname}` },
      http: { httpEnabled: true },
      ingress: { enabled: false },
      instances: o.instances,
      // TLS ends at the gateway, which sets X-Forwarded-* headers.
      proxy: { headers: "xforwarded" },
    },
  });
}

function realmImports(o: ResolvedKeycloakOptions): KeycloakRealmImport[] {
  return Object.entries(o.realms).map(
    ([name, realm]) =>
      new KeycloakRealmImport({
        metadata: { name: `${NAME}-${name}` },
        spec: { keycloakCRName: NAME, realm: { ...realm, realm: name } },
      }),
  );
}
