import { type PostgresCluster, serviceDatabase } from "@k8s-ops/cloudnative-pg";
import { type App, type ChartSource, type Component, helmApp, packageOf } from "@k8s-ops/core";
import { dragonfly } from "@k8s-ops/dragonfly";
import { httpRoute } from "@k8s-ops/envoy-gateway";
import { storeSecret } from "@k8s-ops/external-secrets";
import { checkOptions } from "./checks.js";
import { type HarborOptions, type ResolvedHarborOptions, resolveOptions } from "./options.js";

/** Named on every object this package renders into a cluster. */
const SOURCE = packageOf(import.meta.url);

/**
 * Harbor's chart, from the home-operations OCI mirror of https://helm.goharbor.io (upstream publishes no usable OCI
 * chart: its release workflow pushes to maintainers' own ghcr namespaces).
 */
export const HARBOR_CHART: ChartSource = {
  url: "oci://ghcr.io/home-operations/charts-mirror/harbor",
  // renovate: datasource=docker depName=ghcr.io/home-operations/charts-mirror/harbor
  tag: "1.19.1",
};

const NAME = "harbor";

/** The Redis databases of Harbor's components in the one Dragonfly. */
const REDIS_INDEXES = {
  coreDatabaseIndex: "0",
  jobserviceDatabaseIndex: "1",
  registryDatabaseIndex: "2",
  trivyAdapterIndex: "5",
};

export interface Harbor extends Component {
  /** The registry's URL, for image references and `docker login`. */
  readonly url: string;
}

type Cache = ReturnType<typeof dragonfly>;

/**
 * Harbor on a CloudNativePG database and a Dragonfly cache, with image blobs in an S3-compatible bucket (Ceph RGW),
 * its admin password and S3 keys from the secret store, routed through the gateway. The database and the cache are
 * stages of `apps/<namespace>/harbor`.
 */
export function harbor(options: HarborOptions): Harbor {
  const o = resolveOptions(options);
  checkOptions(o);
  const database = serviceDatabase(NAME, o, { database: "registry", owner: NAME });
  const cache = dragonfly({
    name: `${NAME}-cache`,
    namespace: o.namespace,
    replicas: 1,
    memory: o.cacheMemory,
    folder: NAME,
    dir: "cache",
  });
  return {
    name: NAME,
    apps: [database.app, cache.app, harborApp(o, database, cache)],
    source: SOURCE,
    url: `https://${o.hostname}`,
  };
}

function harborApp(o: ResolvedHarborOptions, database: PostgresCluster, cache: Cache): App {
  const admin = storeSecret({
    name: `${NAME}-admin`,
    store: o.store,
    item: o.item,
    template: { HARBOR_ADMIN_PASSWORD: "{{ .HARBOR_ADMIN_PASSWORD }}" },
  });
  const s3 = storeSecret({
    name: `${NAME}-s3`,
    store: o.store,
    item: o.s3.item,
    template: {
      REGISTRY_STORAGE_S3_ACCESSKEY: "{{ .AWS_ACCESS_KEY_ID }}",
      REGISTRY_STORAGE_S3_SECRETKEY: "{{ .AWS_SECRET_ACCESS_KEY }}",
    },
  });
  const route = httpRoute({
    name: NAME,
    gateway: o.gateway,
    hostnames: [o.hostname],
    service: { name: NAME, port: 80 },
  });
  return helmApp({
    name: NAME,
    namespace: o.namespace,
    layer: "platform",
    folder: NAME,
    dir: "app",
    chart: HARBOR_CHART,
    values: harborValues(o, { database, cache, adminSecret: admin.secretName, s3Secret: s3.secretName }),
    objects: [admin.object, s3.object, route.route],
    uses: [database.service, cache.service, ...admin.uses, ...route.uses, o.storageClass],
    helmTimeout: "15m",
  });
}

interface Wiring {
  readonly database: PostgresCluster;
  readonly cache: Cache;
  readonly adminSecret: string;
  readonly s3Secret: string;
}

function harborValues(o: ResolvedHarborOptions, w: Wiring): Record<string, unknown> {
  const storageClass = o.storageClass.name;
  return {
    database: {
      type: "external",
      external: {
        coreDatabase: w.database.database,
        existingSecret: w.database.secretName,
        host: w.database.service.host,
        port: String(w.database.service.port),
        sslmode: "require",
        username: NAME,
      },
    },
    existingSecretAdminPassword: w.adminSecret,
    existingSecretAdminPasswordKey: "HARBOR_ADMIN_PASSWORD",
    expose: { type: "clusterIP", tls: { enabled: false } },
    externalURL: `https://${o.hostname}`,
    metrics: { enabled: true },
    persistence: {
      enabled: true,
      imageChartStorage: {
        disableredirect: true,
        s3: {
          bucket: o.s3.bucket,
          existingSecret: w.s3Secret,
          region: o.s3.region,
          regionendpoint: o.s3.endpoint,
        },
        type: "s3",
      },
      persistentVolumeClaim: {
        jobservice: { jobLog: { storageClass } },
        trivy: { storageClass },
      },
    },
    redis: {
      type: "external",
      external: { addr: `${w.cache.service.host}:${w.cache.service.port}`, ...REDIS_INDEXES },
    },
    trivy: { enabled: o.trivy },
  };
}
