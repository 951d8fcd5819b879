import { VMPodScrape, VMServiceScrape } from "@k8s-ops/crds/operator.victoriametrics.com/v1beta1";
import { checkDuration, checkLabel, type Fail, failer } from "./checks.js";

interface ScrapeOptions {
  /** Name of the scrape object (a DNS label), usually the app's. */
  readonly name: string;
  /** Labels the scraped Services (or Pods) carry: `selector.matchLabels`. */
  readonly selector: Readonly<Record<string, string>>;
  /** Name of the port that serves metrics. */
  readonly port: string;
  /** @default "/metrics" */
  readonly path?: string;
  /** @default the agent's scrape interval */
  readonly interval?: string;
  /** @default "http" */
  readonly scheme?: "http" | "https";
  /** Namespaces to look in. @default the scrape object's own namespace */
  readonly namespaces?: readonly string[];
  /** Keep the target's own labels where they clash with the agent's (exporters of other objects). @default false */
  readonly honorLabels?: boolean;
  /** The Service (or Pod) label whose value becomes the `job` label. @default the Service (or Pod owner) name */
  readonly jobLabel?: string;
  /**
   * Authenticate as the agent's ServiceAccount (bearer token) over HTTPS verified by the cluster CA, for targets that
   * authorise scrapes by RBAC; `serverName` is the name their certificate carries (the API server: `kubernetes`).
   * @default none
   */
  readonly serviceAccount?: { readonly serverName: string };
}

export interface ServiceScrapeOptions extends ScrapeOptions {}
export interface PodScrapeOptions extends ScrapeOptions {}

const SERVICE_ACCOUNT = "/var/run/secrets/kubernetes.io/serviceaccount";

const PORT_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
/** A DNS name of one label or more (a certificate's name: `kubernetes`, `kubernetes.default.svc`). */
const SERVER_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const LABEL_KEY =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/** A VMServiceScrape: the agent scrapes the endpoints of the Services matching `selector`, on `port`. */
export function serviceScrape(options: ServiceScrapeOptions): VMServiceScrape {
  checkScrape(failer(`serviceScrape(${options.name})`), options);
  return new VMServiceScrape({
    metadata: { name: options.name },
    spec: {
      endpoints: [endpoint(options)],
      jobLabel: options.jobLabel,
      namespaceSelector: namespaceSelector(options),
      selector: { matchLabels: { ...options.selector } },
    },
  });
}

/** A VMPodScrape: the agent scrapes the Pods matching `selector` on their container port `port`. */
export function podScrape(options: PodScrapeOptions): VMPodScrape {
  checkScrape(failer(`podScrape(${options.name})`), options);
  return new VMPodScrape({
    metadata: { name: options.name },
    spec: {
      jobLabel: options.jobLabel,
      namespaceSelector: namespaceSelector(options),
      podMetricsEndpoints: [endpoint(options)],
      selector: { matchLabels: { ...options.selector } },
    },
  });
}

function endpoint(options: ScrapeOptions) {
  const auth = options.serviceAccount && {
    bearerTokenFile: `${SERVICE_ACCOUNT}/token`,
    tlsConfig: { caFile: `${SERVICE_ACCOUNT}/ca.crt`, serverName: options.serviceAccount.serverName },
  };
  return {
    bearerTokenFile: auth?.bearerTokenFile,
    honorLabels: options.honorLabels,
    interval: options.interval,
    path: options.path ?? "/metrics",
    port: options.port,
    scheme: auth ? "https" : options.scheme,
    tlsConfig: auth?.tlsConfig,
  };
}

function namespaceSelector(options: ScrapeOptions) {
  return options.namespaces ? { matchNames: [...options.namespaces] } : undefined;
}

function checkScrape(fail: Fail, options: ScrapeOptions): void {
  checkLabel(fail, "name", options.name, "grafana", 253);
  checkSelector(fail, options.selector);
  if (typeof options.port !== "string" || options.port.length > 15 || !PORT_NAME.test(options.port)) {
    fail(
      "port",
      "not a port name",
      "the name of a port, such as http-metrics (at most 15 characters)",
      JSON.stringify(options.port),
    );
  }
  if (options.path !== undefined && !options.path.startsWith("/")) {
    fail("path", "not an absolute path", "a path such as /metrics", JSON.stringify(options.path));
  }
  if (options.interval !== undefined) checkDuration(fail, "interval", options.interval);
  if (options.jobLabel !== undefined && !LABEL_KEY.test(options.jobLabel))
    fail(
      "jobLabel",
      "not a label key",
      "a key such as app.kubernetes.io/name",
      JSON.stringify(options.jobLabel),
    );
  checkAuth(fail, options);
  checkNamespaces(fail, options.namespaces);
}

function checkSelector(fail: Fail, selector: Readonly<Record<string, string>>): void {
  if (typeof selector !== "object" || selector === null || Array.isArray(selector)) {
    fail(
      "selector",
      "not a label map",
      'labels such as { "app.kubernetes.io/name": "grafana" }',
      JSON.stringify(selector),
    );
  }
  const keys = Object.keys(selector);
  if (keys.length === 0) {
    fail("selector", "an empty selector scrapes every object in the namespace", "at least one label", "{}");
  }
  const key = keys.find((k) => !LABEL_KEY.test(k));
  if (key !== undefined)
    fail("selector", "not a label key", "a key such as app.kubernetes.io/name", JSON.stringify(key));
}

function checkNamespaces(fail: Fail, namespaces: readonly string[] | undefined): void {
  for (const namespace of namespaces ?? []) checkLabel(fail, "namespaces", namespace, "observability");
  if (namespaces?.length === 0) {
    fail(
      "namespaces",
      "no namespace to look in",
      "one namespace or more, or no option for the object's own",
      "[]",
    );
  }
}

/** Service-account authentication speaks HTTPS to a server name its certificate carries. */
function checkAuth(fail: Fail, options: ScrapeOptions): void {
  if (options.serviceAccount === undefined) return;
  if (options.scheme === "http")
    fail(
      "scheme",
      "a ServiceAccount token is sent over HTTPS only",
      '"https", or no scheme',
      JSON.stringify(options.scheme),
    );
  if (!SERVER_NAME.test(options.serviceAccount.serverName))
    fail(
      "serviceAccount.serverName",
      "not a host name",
      "the name the target's certificate carries, such as kubernetes",
      JSON.stringify(options.serviceAccount.serverName),
    );
}
