import { isDomainName, OptionError } from "@k8s-ops/core";
import { checkItemOptions } from "@k8s-ops/external-secrets";
import type { DashboardSpec } from "./dashboards.js";
import type { OidcEndpoints, ResolvedGrafanaOptions, ResolvedSsoOptions } from "./options.js";

type Fail = (field: string, message: string, expected: string, found: string) => never;

const fail: Fail = (field, message, expected, found) => {
  throw new OptionError({ path: `grafana: ${field}`, message, expected, found });
};

/** An http(s) URL, `${VAR}`s allowed in it. */
const HTTP_URL = /^https?:\/\/[^\s/?#]+(\/[^\s?#]*)?$/;
const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const TOKEN = /^[-!#$%&'*+.^_`|~0-9a-zA-Z]+$/;
/** VictoriaLogs' tenant headers, which each tenant's datasource sets. */
const TENANT_HEADERS = new Set(["accountid", "projectid"]);

export function checkOptions(o: ResolvedGrafanaOptions): void {
  if (!isDomainName(o.hostname))
    fail(
      "hostname",
      "not a host name",
      "a name such as grafana.${SECRET_DOMAIN}",
      JSON.stringify(o.hostname),
    );
  checkTenants(o);
  for (const field of ["metrics", "logs"] as const) {
    const { url } = o[field];
    if (!HTTP_URL.test(url))
      fail(
        `${field}.url`,
        "not an HTTP URL",
        "a URL such as http://service.namespace.svc:port/path",
        JSON.stringify(url),
      );
    const header = Object.entries(o[field].headers ?? {}).find(
      ([name, value]) => !TOKEN.test(name) || value === "",
    );
    if (header !== undefined)
      fail(
        `${field}.headers`,
        "not an HTTP header",
        "a token name and a value",
        JSON.stringify(header.join(": ")),
      );
  }
  checkReadsEveryTenant(o);
  checkDashboards(o.dashboards);
  if (o.sso) checkSso(o.sso);
}

/** Each tenant is a cluster: a name Grafana's datasource names carry, an id of its own. */
function checkTenants(o: ResolvedGrafanaOptions): void {
  if (o.tenants.length === 0)
    fail("tenants", "no cluster to show", "the clusters whose data the hubs keep, such as CLUSTERS", "[]");
  const names = new Set<string>();
  const ids = new Set<number>();
  for (const [index, { name, id }] of o.tenants.entries()) {
    const at = `tenants[${index}]`;
    if (!LABEL.test(name))
      fail(`${at}.name`, "not a cluster name", "lowercase letters, digits and '-'", JSON.stringify(name));
    if (!Number.isInteger(id) || id < 0)
      fail(`${at}.id`, "not a tenant id", "the cluster id, an integer ≥ 0", String(id));
    if (names.has(name) || ids.has(id))
      fail(at, "two tenants share a name or an id", "one tenant per cluster", `${name} (${id})`);
    names.add(name);
    ids.add(id);
  }
  const tenantHeader = Object.keys(o.logs.headers ?? {}).find((h) => TENANT_HEADERS.has(h.toLowerCase()));
  if (tenantHeader !== undefined)
    fail(
      "logs.headers",
      "the tenant headers come from tenants",
      "headers other than AccountID and ProjectID",
      tenantHeader,
    );
}

/** A metrics URL on one tenant (`/select/<id>/`) hides the others' series: it must cover every tenant. */
function checkReadsEveryTenant(o: ResolvedGrafanaOptions): void {
  const one = /\/select\/(\d+)(:\d+)?\//.exec(o.metrics.url)?.[1];
  const ids = o.tenants.map((t) => t.id);
  if (one !== undefined && (ids.length !== 1 || ids[0] !== Number(one)))
    fail(
      "metrics.url",
      `reads tenant ${one} only, but the clusters' tenants are ${ids.join(", ")}`,
      "vmselect's /select/multitenant/prometheus (every tenant)",
      JSON.stringify(o.metrics.url),
    );
}

function checkDashboards(dashboards: readonly DashboardSpec[]): void {
  const seen = new Set<string>();
  for (const [index, dashboard] of dashboards.entries()) {
    const at = `dashboards[${index}]`;
    if (!LABEL.test(dashboard.name))
      fail(
        `${at}.name`,
        "not a DNS label",
        "lowercase letters, digits and '-'",
        JSON.stringify(dashboard.name),
      );
    if (seen.has(dashboard.name))
      fail(
        `${at}.name`,
        "two dashboards share a name",
        "a name of its own for each dashboard",
        dashboard.name,
      );
    seen.add(dashboard.name);
    if (!/[a-zA-Z0-9]/.test(dashboard.folder))
      fail(
        `${at}.folder`,
        "the folder has no title",
        "a title such as Kubernetes",
        JSON.stringify(dashboard.folder),
      );
    if ("grafanaCom" in dashboard) {
      const { id, revision } = dashboard.grafanaCom;
      if (![id, revision].every((n) => Number.isInteger(n) && n > 0))
        fail(
          `${at}.grafanaCom`,
          "not a grafana.com dashboard",
          "a positive integer id and revision",
          `${id}/${revision}`,
        );
    } else if (
      typeof dashboard.url !== "string" ||
      !dashboard.url.startsWith("https://") ||
      !HTTP_URL.test(dashboard.url)
    )
      fail(
        `${at}.url`,
        "not an HTTPS URL",
        "the dashboard's JSON at a pinned version",
        JSON.stringify(dashboard.url),
      );
  }
}

function checkSso(sso: ResolvedSsoOptions): void {
  const { provider } = sso;
  const urls = { issuerUrl: provider.issuerUrl, ...prefix("endpoints.", provider.endpoints) };
  for (const [field, url] of Object.entries(urls)) {
    if (!url.startsWith("https://") || !HTTP_URL.test(url))
      fail(
        `sso.provider.${field}`,
        "not an HTTPS URL",
        "a URL such as https://auth.${SECRET_DOMAIN}/application/o/grafana/",
        JSON.stringify(url),
      );
  }
  if (sso.scopes.length === 0 || !sso.scopes.includes("openid"))
    fail(
      "sso.scopes",
      "OpenID Connect needs the openid scope",
      'scopes including "openid"',
      JSON.stringify(sso.scopes),
    );
  for (const [option, value] of [
    ["sso.clientIdField", sso.clientIdField],
    ["sso.clientSecretField", sso.clientSecretField],
  ] as const) {
    checkItemOptions({
      builder: "grafana",
      item: ["sso.item", sso.item],
      field: [option, value],
      holds: "the OAuth client's id and secret",
    });
  }
}

function prefix(at: string, endpoints: OidcEndpoints): Record<string, string> {
  return Object.fromEntries(Object.entries(endpoints).map(([key, url]) => [`${at}${key}`, url]));
}
