import { type PostgresCluster, serviceDatabase } from "@k8s-ops/cloudnative-pg";
import { type App, type Component, helmApp, packageOf, type RepositoryChartSource } from "@k8s-ops/core";
import { httpRoute } from "@k8s-ops/envoy-gateway";
import { storeSecret } from "@k8s-ops/external-secrets";
import { checkOptions } from "./checks.js";
import { type MattermostOptions, type ResolvedMattermostOptions, resolveOptions } from "./options.js";
import { CONNECTION_PATH, mattermostValues, S3_KEYS } from "./values.js";

/** Named on every object this package renders into a cluster. */
const SOURCE = packageOf(import.meta.url);

/**
 * The Mattermost Team Edition chart. Upstream publishes it only on its HTTPS Helm repository (no OCI artifact), so
 * Flux reads it through a HelmRepository and a HelmChart.
 */
export const MATTERMOST_CHART: RepositoryChartSource = {
  repository: "https://helm.mattermost.com",
  chart: "mattermost-team-edition",
  // renovate: datasource=helm depName=mattermost-team-edition registryUrl=https://helm.mattermost.com
  version: "6.7.0",
};

/** The Service the chart creates (named after the chart, whatever the release) and its port. */
export const MATTERMOST_SERVICE = { name: "mattermost-team-edition", port: 8065 } as const;

const NAME = "mattermost";

export interface Mattermost extends Component {
  /** The site URL users and the desktop and mobile apps connect to. */
  readonly url: string;
}

/**
 * Mattermost Team Edition on a CloudNativePG database, with its files in an S3-compatible bucket (Ceph RGW), the
 * database connection and S3 keys from the secret store, routed through the gateway. The database is the
 * `database` stage of `apps/<namespace>/mattermost`, Mattermost itself `app`.
 */
export function mattermost(options: MattermostOptions): Mattermost {
  const o = resolveOptions(options);
  checkOptions(o);
  const database = serviceDatabase(NAME, o, { database: NAME, owner: NAME });
  return {
    name: NAME,
    source: SOURCE,
    apps: [database.app, mattermostApp(o, database)],
    url: `https://${o.hostname}`,
  };
}

function mattermostApp(o: ResolvedMattermostOptions, database: PostgresCluster): App {
  const connection = storeSecret({
    name: `${NAME}-db-connection`,
    store: o.store,
    item: o.item,
    template: { connection: connectionString(database) },
  });
  const s3 = storeSecret({
    name: `${NAME}-s3`,
    store: o.store,
    item: o.s3.item,
    template: {
      [S3_KEYS.accessKey]: `{{ .${S3_KEYS.accessKey} }}`,
      [S3_KEYS.secretKey]: `{{ .${S3_KEYS.secretKey} }}`,
    },
  });
  const route = httpRoute({
    name: NAME,
    gateway: o.gateway,
    hostnames: [o.hostname],
    service: MATTERMOST_SERVICE,
  });
  return helmApp({
    name: NAME,
    namespace: o.namespace,
    layer: "platform",
    folder: NAME,
    dir: "app",
    chart: MATTERMOST_CHART,
    values: mattermostValues(o, s3.secretName),
    valuesFrom: [
      { kind: "Secret", name: connection.secretName, valuesKey: "connection", targetPath: CONNECTION_PATH },
    ],
    objects: [connection.object, s3.object, route.route],
    uses: [database.service, ...connection.uses, ...route.uses],
    helmTimeout: "10m",
  });
}

/**
 * What the chart's `externalDB.externalConnectionString` takes: the PostgreSQL DSN without its `postgres://`
 * scheme (the chart adds it), the password URL-encoded. Quoted, so Flux sets it as a string at the target path.
 */
function connectionString(database: PostgresCluster): string {
  const { host, port } = database.service;
  const password = "{{ .POSTGRES_PASSWORD | urlquery }}";
  return `"${NAME}:${password}@${host}:${port}/${database.database}?sslmode=require&connect_timeout=10"`;
}
