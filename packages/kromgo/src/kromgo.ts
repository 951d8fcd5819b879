import {
  type ChartSource,
  type Component,
  helmApp,
  isDomainName,
  OptionError,
  packageOf,
} from "@k8s-ops/core";
import { httpRoute } from "@k8s-ops/envoy-gateway";
import { type KromgoOptions, type ResolvedKromgoOptions, resolveOptions } from "./options.js";
import { HTTP_PORT, kromgoValues } from "./values.js";

/** Named on every object this package renders into a cluster. */
const SOURCE = packageOf(import.meta.url);

export const APP_TEMPLATE_CHART: ChartSource = {
  url: "oci://ghcr.io/bjw-s-labs/helm/app-template",
  // renovate: datasource=docker depName=ghcr.io/bjw-s-labs/helm/app-template
  tag: "5.1.0",
};

export interface Kromgo extends Component {
  /** The base URL of the badges: `<url>/<badge name>` is a shields.io endpoint badge. */
  readonly url: string;
}

/** Kromgo on the bjw-s app-template: status badges from metric queries, served behind the gateway. */
export function kromgo(options: KromgoOptions): Kromgo {
  const o = resolveOptions(options);
  checkOptions(o);
  const route = httpRoute({
    name: "kromgo",
    gateway: o.gateway,
    hostnames: [o.hostname],
    service: { name: "kromgo", port: HTTP_PORT },
  });
  const app = helmApp({
    name: "kromgo",
    namespace: o.namespace,
    layer: "platform",
    chart: APP_TEMPLATE_CHART,
    releaseName: "kromgo",
    values: kromgoValues(o),
    objects: [route.route],
    uses: route.uses,
  });
  return { name: "kromgo", source: SOURCE, apps: [app], url: `https://${o.hostname}` };
}

const HTTP_URL = /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/;
const BADGE_NAME = /^[a-z0-9_]+$/;

function checkOptions(o: ResolvedKromgoOptions): void {
  const fail = (field: string, message: string, expected: string, found: string): never => {
    throw new OptionError({ path: `kromgo: ${field}`, message, expected, found });
  };
  if (!HTTP_URL.test(o.metrics.url))
    fail(
      "metrics.url",
      "not an HTTP URL",
      "vmselect's Prometheus API, such as http://vmselect:8481/select/0/prometheus",
      JSON.stringify(o.metrics.url),
    );
  if (!isDomainName(o.hostname))
    fail("hostname", "not a host name", "a name such as kromgo.${SECRET_DOMAIN}", JSON.stringify(o.hostname));
  if (o.badges.length === 0)
    fail("badges", "kromgo needs at least one badge", "badges such as DEFAULT_BADGES", "[]");
  const seen = new Set<string>();
  for (const [index, badge] of o.badges.entries()) {
    if (!BADGE_NAME.test(badge.name))
      fail(
        `badges[${index}].name`,
        "not a badge path",
        "lowercase letters, digits and '_'",
        JSON.stringify(badge.name),
      );
    if (seen.has(badge.name))
      fail(
        `badges[${index}].name`,
        "two badges share a name",
        "a name of its own for each badge",
        badge.name,
      );
    seen.add(badge.name);
    if (badge.query.trim() === "")
      fail(`badges[${index}].query`, "the query is empty", "a PromQL query", '""');
  }
}
