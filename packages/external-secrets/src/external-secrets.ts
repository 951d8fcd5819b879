import {
  type App,
  type ChartSource,
  CLUSTER_SECRETS,
  type Component,
  defineApp,
  helmApp,
  type NamespaceComponent,
  OptionError,
  packageOf,
  reference,
  type SecretStoreRef,
  type ServiceEndpoint,
} from "@k8s-ops/core";
import { externalSecret } from "./external-secret.js";
import {
  type ExternalSecretsOptions,
  type ResolvedExternalSecretsOptions,
  resolveOptions,
} from "./options.js";
import { onePasswordStore, SECRET_STORE_HEALTH, STORE_NAME } from "./store.js";

/** Named on every object this package renders into a cluster. */
const SOURCE = packageOf(import.meta.url);

export const EXTERNAL_SECRETS_CHART: ChartSource = {
  url: "oci://ghcr.io/external-secrets/charts/external-secrets",
  // renovate: datasource=docker depName=ghcr.io/external-secrets/charts/external-secrets
  tag: "2.9.0",
};

export const ONEPASSWORD_CONNECT_CHART: ChartSource = {
  url: "oci://ghcr.io/1password/connect",
  // renovate: datasource=docker depName=ghcr.io/1password/connect
  tag: "2.4.1",
};

/** The CRD groups the operator chart installs: apps with ExternalSecrets or stores depend on it through them. */
export const EXTERNAL_SECRETS_CRDS = ["external-secrets.io/*", "generators.external-secrets.io/*"];

/** The key of the bootstrap Secret that holds the (base64-encoded) `1password-credentials.json`. */
export const CREDENTIALS_KEY = "1password-credentials.json";

/** Service and port of the Connect API (the chart's `connect.applicationName` and `connect.api.httpPort`). */
const CONNECT_SERVICE = "onepassword-connect";
const CONNECT_PORT = 8080;

export interface ExternalSecrets extends Component {
  /** The `onepassword-connect` ClusterSecretStore: take it in `externalSecret({ store })` and in `uses`. */
  readonly secretStore: SecretStoreRef;
  /** The 1Password Connect API inside the cluster. */
  readonly connect: ServiceEndpoint;
}

/**
 * The external-secrets operator (with its CRDs), 1Password Connect, and a stage with the `onepassword-connect`
 * ClusterSecretStore that Flux reports ready only once the store can read the vault.
 */
export function externalSecrets(options: ExternalSecretsOptions): ExternalSecrets {
  const o = resolveOptions(options);
  checkOptions(o);
  const operator = helmApp({
    name: "external-secrets",
    namespace: o.namespace,
    layer: "controllers",
    chart: EXTERNAL_SECRETS_CHART,
    values: operatorValues(o),
    crds: EXTERNAL_SECRETS_CRDS,
    wait: true,
  });
  const connectApp = helmApp({
    name: "onepassword-connect",
    namespace: o.namespace,
    layer: "controllers",
    chart: ONEPASSWORD_CONNECT_CHART,
    values: connectValues(o),
    files: o.credentialsFile ? [o.credentialsFile] : [],
    wait: true,
  });
  const connect = connectEndpoint(connectApp);
  const store = storeApp(o, connect);
  const secretStore = reference("SecretStore", store, STORE_NAME);
  return {
    name: "external-secrets",
    apps: [operator, connectApp, store],
    namespaceComponents: clusterSecretsComponents(o, secretStore),
    source: SOURCE,
    secretStore,
    connect,
  };
}

/**
 * An ExternalSecret in every namespace writing `cluster-secrets`, the Secret each Flux Kustomization substitutes
 * secret variables from. Until the store is ready it stays pending, and Flux substitutes nothing for them.
 */
function clusterSecretsComponents(
  o: ResolvedExternalSecretsOptions,
  store: SecretStoreRef,
): NamespaceComponent[] {
  if (o.clusterSecrets === false) return [];
  const secret = externalSecret({
    name: CLUSTER_SECRETS,
    store,
    item: o.clusterSecrets,
    targetName: CLUSTER_SECRETS,
  });
  return [{ name: CLUSTER_SECRETS, objects: [secret] }];
}

function operatorValues(o: ResolvedExternalSecretsOptions): Record<string, unknown> {
  return {
    installCRDs: true,
    leaderElect: o.replicas > 1,
    replicaCount: o.replicas,
    serviceMonitor: { enabled: o.serviceMonitor },
  };
}

/** Connect only (no 1Password operator), reading its credentials from the bootstrap Secret. */
function connectValues(o: ResolvedExternalSecretsOptions): Record<string, unknown> {
  return {
    connect: {
      api: { httpPort: CONNECT_PORT },
      applicationName: CONNECT_SERVICE,
      credentialsKey: CREDENTIALS_KEY,
      credentialsName: o.credentialsSecret,
      serviceType: "ClusterIP",
    },
    operator: { create: false },
  };
}

function connectEndpoint(app: App): ServiceEndpoint {
  return {
    ...reference("Service", app, CONNECT_SERVICE, app.namespace),
    namespace: app.namespace,
    port: CONNECT_PORT,
    host: `${CONNECT_SERVICE}.${app.namespace}.svc.cluster.local`,
  };
}

/** The store stage: after the operator (its CRD) and Connect (its backend), health-checked so dependents wait. */
function storeApp(o: ResolvedExternalSecretsOptions, connect: ServiceEndpoint): App {
  return defineApp({
    name: "onepassword-connect-store",
    namespace: o.namespace,
    layer: "config",
    folder: "onepassword-connect",
    dir: "store",
    objects: [
      onePasswordStore({
        connectHost: `http://${connect.host}:${connect.port}`,
        vault: o.vault,
        tokenSecret: { name: o.credentialsSecret, namespace: o.namespace },
      }),
    ],
    uses: [connect],
    // Flux evaluates health expressions only for the objects it health-checks: wait for all of them.
    wait: true,
    healthCheckExprs: [SECRET_STORE_HEALTH],
  });
}

const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;

function checkOptions(o: ResolvedExternalSecretsOptions): void {
  const fail = (field: string, message: string, expected: string, found: string): never => {
    throw new OptionError({ path: `external-secrets: ${field}`, message, expected, found });
  };
  if (o.vault.trim() === "")
    fail(
      "vault",
      "the 1Password vault name is empty",
      "the name of the cluster's vault, e.g. k8s-infra",
      '""',
    );
  if (!Number.isInteger(o.replicas) || o.replicas < 1)
    fail("replicas", "the controller needs at least one replica", "an integer ≥ 1", String(o.replicas));
  if (!SUBDOMAIN.test(o.credentialsSecret))
    fail(
      "credentialsSecret",
      "not a valid Secret name",
      "a lowercase RFC 1123 subdomain",
      o.credentialsSecret,
    );
  if (o.credentialsFile !== undefined && !/^[^/]+\.sops\.yaml$/.test(o.credentialsFile))
    fail(
      "credentialsFile",
      "the bootstrap Secret must be a SOPS-encrypted file in the Connect app folder",
      "a file name ending in .sops.yaml, without a folder",
      o.credentialsFile,
    );
}
