import { type PostgresCluster, serviceDatabase } from "@k8s-ops/cloudnative-pg";
import { type App, type ChartSource, type Component, helmApp, packageOf } from "@k8s-ops/core";
import { httpRoute } from "@k8s-ops/envoy-gateway";
import { storeSecret } from "@k8s-ops/external-secrets";
import { checkOptions } from "./checks.js";
import { type AuthentikOptions, type ResolvedAuthentikOptions, resolveOptions } from "./options.js";

/** Named on every object this package renders into a cluster. */
const SOURCE = packageOf(import.meta.url);

export const AUTHENTIK_CHART: ChartSource = {
  url: "oci://ghcr.io/goauthentik/helm-charts/authentik",
  // renovate: datasource=docker depName=ghcr.io/goauthentik/helm-charts/authentik
  tag: "2026.8.3",
};

const NAME = "authentik";

export interface Authentik extends Component {
  /** The URL users and OIDC clients reach authentik at. */
  readonly url: string;
}

/**
 * authentik (server and worker) on a CloudNativePG database, its secret key from the secret store, routed through
 * the gateway. The database is a stage of `apps/<namespace>/authentik`.
 */
export function authentik(options: AuthentikOptions): Authentik {
  const o = resolveOptions(options);
  checkOptions(o);
  const database = serviceDatabase(NAME, o, { database: NAME });
  return {
    name: NAME,
    source: SOURCE,
    apps: [database.app, authentikApp(o, database)],
    url: `https://${o.hostname}`,
  };
}

function authentikApp(o: ResolvedAuthentikOptions, database: PostgresCluster): App {
  const secret = storeSecret({
    name: NAME,
    store: o.store,
    item: o.item,
    template: { AUTHENTIK_SECRET_KEY: "{{ .AUTHENTIK_SECRET_KEY }}" },
  });
  const route = httpRoute({
    name: NAME,
    gateway: o.gateway,
    hostnames: [o.hostname],
    service: { name: `${NAME}-server`, port: 80 },
  });
  return helmApp({
    name: NAME,
    namespace: o.namespace,
    layer: "platform",
    folder: NAME,
    dir: "app",
    chart: AUTHENTIK_CHART,
    values: authentikValues(o, database, secret.secretName),
    objects: [secret.object, route.route],
    uses: [database.service, ...secret.uses, ...route.uses],
  });
}

function authentikValues(
  o: ResolvedAuthentikOptions,
  db: PostgresCluster,
  secretName: string,
): Record<string, unknown> {
  const fromDb = (key: string) => ({ valueFrom: { secretKeyRef: { key, name: db.secretName } } });
  return {
    global: {
      env: [
        { name: "AUTHENTIK_POSTGRESQL__HOST", value: db.service.host },
        { name: "AUTHENTIK_POSTGRESQL__PORT", value: String(db.service.port) },
        { name: "AUTHENTIK_POSTGRESQL__NAME", value: db.database },
        { name: "AUTHENTIK_POSTGRESQL__USER", ...fromDb("username") },
        { name: "AUTHENTIK_POSTGRESQL__PASSWORD", ...fromDb("password") },
      ],
      envFrom: [{ secretRef: { name: secretName } }],
    },
    postgresql: { enabled: false },
    server: { metrics: { enabled: true }, replicas: o.serverReplicas },
    worker: { replicas: o.workerReplicas },
  };
}
