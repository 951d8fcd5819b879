import { type PostgresCluster, serviceDatabase } from "@k8s-ops/cloudnative-pg";
import {
  type App,
  type AppRef,
  appRef,
  type Component,
  helmApp,
  type KubeObject,
  packageOf,
} from "@k8s-ops/core";
import { type GatewayRoute, httpRoute } from "@k8s-ops/envoy-gateway";
import { storeSecret } from "@k8s-ops/external-secrets";
import { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import { GITLAB_CHART, GITLAB_POSTGRES_IMAGE } from "./charts.js";
import { checkOptions } from "./checks.js";
import { type GitLabOptions, type ResolvedGitLabOptions, resolveOptions } from "./options.js";
import { bucketNames, bucketsOf, type GitLabBuckets, objectStorageSecret } from "./storage.js";
import { DATABASE_NAME, DATABASE_USER, gitlabValues } from "./values.js";

/** Named on every object this package renders into a cluster. */
const SOURCE = packageOf(import.meta.url);

const NAME = "gitlab";

/** The Services the chart creates for release `gitlab`, and the ports the routes send to. */
export const GITLAB_SERVICES = {
  /** Workhorse, in front of the Rails webservice: every web, API and Git-over-HTTPS request. */
  webservice: { name: "gitlab-webservice-default", port: 8181 },
  registry: { name: "gitlab-registry", port: 5000 },
} as const;

/** The port GitLab Shell listens on inside its pods (`gitlab-shell.service.internalPort`). */
const SHELL_PORT = 2222;

/** A GitLab instance others connect to: its URL and, when it runs in the same cluster, the app that deploys it. */
export interface GitLabServer {
  /** The URL users, runners and clients reach it at, e.g. `https://gitlab.example.com`. */
  readonly url: string;
  /** The app deploying it, for the apps that must start after it. @default none: a GitLab outside the cluster */
  readonly app?: AppRef;
}

export interface GitLab extends Component {
  /** The instance, for `gitlabRunner({ gitlab })`. */
  readonly server: GitLabServer & { readonly app: AppRef };
  /** The registry's URL, for image references and `docker login`. */
  readonly registryUrl: string;
  /** Every bucket GitLab uses; create them (and the S3 keys) before it starts. */
  readonly buckets: readonly string[];
}

/**
 * GitLab on a CloudNativePG database, with its objects in S3-compatible buckets (Ceph RGW), its root password and
 * S3 keys from the secret store, the web and the registry routed through the gateway. The database is a stage of
 * `apps/<namespace>/gitlab`.
 */
export function gitlab(options: GitLabOptions): GitLab {
  const o = resolveOptions(options);
  checkOptions(o);
  const database = serviceDatabase(NAME, o, {
    database: DATABASE_NAME,
    owner: DATABASE_USER,
    imageName: GITLAB_POSTGRES_IMAGE,
  });
  const buckets = bucketsOf(o.objectStorage.bucketPrefix);
  const app = gitlabApp(o, database, buckets);
  return {
    name: NAME,
    apps: [database.app, app],
    source: SOURCE,
    server: { url: `https://${o.hostname}`, app: appRef(app) },
    registryUrl: `https://${o.registryHostname}`,
    buckets: bucketNames(buckets),
  };
}

function gitlabApp(o: ResolvedGitLabOptions, database: PostgresCluster, buckets: GitLabBuckets): App {
  const rootPassword = storeSecret({
    name: `${NAME}-root-password`,
    store: o.store,
    item: o.item,
    template: { password: "{{ .GITLAB_ROOT_PASSWORD }}" },
  });
  const storage = objectStorageSecret(o, buckets);
  const routes = gitlabRoutes(o);
  const objects: KubeObject[] = [rootPassword.object, storage.object, ...routes.map((r) => r.route)];
  return helmApp({
    name: NAME,
    namespace: o.namespace,
    layer: "platform",
    folder: NAME,
    dir: "app",
    chart: GITLAB_CHART,
    values: gitlabValues(o, {
      database,
      rootPasswordSecret: rootPassword.secretName,
      storageSecret: storage.secretName,
      buckets,
    }),
    objects: o.ssh ? [...objects, sshAccess()] : objects,
    uses: [database.service, o.store, o.gateway, o.storageClass],
    // The first install runs the database migrations before anything is ready.
    helmTimeout: "30m",
  });
}

/**
 * The web (Workhorse) and the registry on the gateway. Pushes, clones and image layers outlast the gateway's default
 * 15 s request timeout, so each route allows an hour.
 */
function gitlabRoutes(o: ResolvedGitLabOptions): GatewayRoute[] {
  const routes = [
    httpRoute({
      name: NAME,
      gateway: o.gateway,
      hostnames: [o.hostname],
      service: GITLAB_SERVICES.webservice,
    }),
    httpRoute({
      name: `${NAME}-registry`,
      gateway: o.gateway,
      hostnames: [o.registryHostname],
      service: GITLAB_SERVICES.registry,
    }),
  ];
  for (const rule of routes.flatMap((r) => r.route.spec?.rules ?? [])) rule.timeouts = { request: "1h" };
  return routes;
}

/** The namespace denies ingress by default: SSH clients reach GitLab Shell through its LoadBalancer. */
function sshAccess(): NetworkPolicy {
  return new NetworkPolicy({
    metadata: { name: `${NAME}-shell-ssh` },
    spec: {
      ingress: [{ ports: [{ port: SHELL_PORT, protocol: "TCP" }] }],
      podSelector: { matchLabels: { app: "gitlab-shell", release: NAME } },
      policyTypes: ["Ingress"],
    },
  });
}
