import { OptionError, toYaml } from "@k8s-ops/core";
import { ConfigMap } from "kubernetes-models/v1/ConfigMap";

/** The label Gatus' config sidecar watches: every ConfigMap carrying it, in any namespace, adds its endpoints. */
export const GATUS_LABEL = "gatus.io/enabled";

export interface GatusCheckOptions {
  /** Name of the check on the status page, and of its ConfigMap (`<name>-gatus-ep`): a DNS label. */
  readonly name: string;
  /** The URL checked, e.g. `https://grafana.${SECRET_DOMAIN}`; may contain `${VAR}`s Flux substitutes. */
  readonly url: string;
  /** The group the check is shown in. @default "services" */
  readonly group?: string;
  /** Gatus conditions the response must meet. @default ["[STATUS] == 200"] */
  readonly conditions?: readonly string[];
  /** How often the URL is checked, as a Go duration. @default "1m" */
  readonly interval?: string;
  /**
   * The DNS server Gatus resolves the URL's host with, e.g. `tcp://1.1.1.1:53` to check what the internet sees.
   * @default the cluster's DNS
   */
  readonly dnsResolver?: string;
  /** Namespace of the ConfigMap. @default the namespace of the app that deploys it */
  readonly namespace?: string;
}

/** One endpoint of Gatus' configuration, as Gatus reads it. */
export type GatusEndpoint = Readonly<Record<string, unknown>>;

/** A check an app deploys beside its route: Gatus picks its ConfigMap up wherever it is, whenever it runs. */
export interface GatusCheck {
  /** The labelled ConfigMap with the endpoint; add it to the app's objects. */
  readonly object: ConfigMap;
  /** The endpoint it configures. */
  readonly endpoint: GatusEndpoint;
}

const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const URL_START = /^(https?|tcp|udp|icmp|dns|ssh|tls|starttls|ws|wss):\/\/[^\s]+$/;
const DURATION = /^(\d+(ms|s|m|h))+$/;
const RESOLVER = /^(tcp|udp):\/\/[^\s/:]+:\d+$/;

/**
 * Adds an uptime check for an app in one line: `objects: [route.route, gatusCheck({ name, url }).object]`. The
 * ConfigMap carries `gatus.io/enabled: "true"`; Gatus' sidecar finds it in any namespace and loads its endpoint.
 */
export function gatusCheck(options: GatusCheckOptions): GatusCheck {
  checkOptions(options);
  const endpoint = gatusEndpoint(options);
  const object = new ConfigMap({
    metadata: {
      name: `${options.name}-gatus-ep`,
      namespace: options.namespace,
      labels: { [GATUS_LABEL]: "true" },
    },
    data: { "config.yaml": toYaml({ endpoints: [endpoint] }) },
  });
  return { object, endpoint };
}

/** The endpoint Gatus reads for the options, defaults applied. */
export function gatusEndpoint(options: GatusCheckOptions): GatusEndpoint {
  return {
    name: options.name,
    group: options.group ?? "services",
    url: options.url,
    interval: options.interval ?? "1m",
    conditions: [...(options.conditions ?? ["[STATUS] == 200"])],
    ...(options.dnsResolver ? { client: { "dns-resolver": options.dnsResolver } } : {}),
  };
}

function checkOptions(options: GatusCheckOptions): void {
  const fail = (field: string, message: string, expected: string, found: string): never => {
    throw new OptionError({ path: `gatusCheck(${options.name}): ${field}`, message, expected, found });
  };
  if (!LABEL.test(options.name) || options.name.length > 53)
    fail(
      "name",
      "not a DNS label",
      "lowercase letters, digits and '-', at most 53 characters",
      JSON.stringify(options.name),
    );
  if (!URL_START.test(options.url))
    fail(
      "url",
      "not a URL Gatus can check",
      "a URL such as https://app.${SECRET_DOMAIN}",
      JSON.stringify(options.url),
    );
  if (options.conditions !== undefined && options.conditions.length === 0)
    fail("conditions", "a check needs at least one condition", 'conditions such as "[STATUS] == 200"', "[]");
  if (options.interval !== undefined && !DURATION.test(options.interval))
    fail(
      "interval",
      "not a duration",
      "a duration such as 30s, 1m or 1h30m",
      JSON.stringify(options.interval),
    );
  if (options.dnsResolver !== undefined && !RESOLVER.test(options.dnsResolver))
    fail(
      "dnsResolver",
      "not a DNS resolver address",
      "tcp://host:port or udp://host:port",
      JSON.stringify(options.dnsResolver),
    );
}
