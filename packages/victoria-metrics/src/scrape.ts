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
}

export interface ServiceScrapeOptions extends ScrapeOptions {}
export interface PodScrapeOptions extends ScrapeOptions {}

const PORT_NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_KEY =
  /^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;

/** A VMServiceScrape: the agent scrapes the endpoints of the Services matching `selector`, on `port`. */
export function serviceScrape(options: ServiceScrapeOptions): VMServiceScrape {
  checkScrape(failer(`serviceScrape(${options.name})`), options);
  return new VMServiceScrape({
    metadata: { name: options.name },
    spec: {
      endpoints: [endpoint(options)],
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
      namespaceSelector: namespaceSelector(options),
      podMetricsEndpoints: [endpoint(options)],
      selector: { matchLabels: { ...options.selector } },
    },
  });
}

function endpoint(options: ScrapeOptions) {
  return {
    interval: options.interval,
    path: options.path ?? "/metrics",
    port: options.port,
    scheme: options.scheme,
  };
}

function namespaceSelector(options: ScrapeOptions) {
  return options.namespaces ? { matchNames: [...options.namespaces] } : undefined;
}

function checkScrape(fail: Fail, options: ScrapeOptions): void {
  checkLabel(fail, "name", options.name, "grafana", 253);
  if (typeof options.selector !== "object" || options.selector === null || Array.isArray(options.selector)) {
    fail(
      "selector",
      "not a label map",
      'labels such as { "app.kubernetes.io/name": "grafana" }',
      JSON.stringify(options.selector),
    );
  }
  const keys = Object.keys(options.selector);
  if (keys.length === 0) {
    fail("selector", "an empty selector scrapes every object in the namespace", "at least one label", "{}");
  }
  const key = keys.find((k) => !LABEL_KEY.test(k));
  if (key !== undefined)
    fail("selector", "not a label key", "a key such as app.kubernetes.io/name", JSON.stringify(key));
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
  for (const namespace of options.namespaces ?? [])
    checkLabel(fail, "namespaces", namespace, "observability");
  if (options.namespaces?.length === 0) {
    fail(
      "namespaces",
      "no namespace to look in",
      "one namespace or more, or no option for the object's own",
      "[]",
    );
  }
}
