import { OptionError } from "@k8s-ops/core";
import { optionMessage } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { authentikProvider, type GrafanaOptions, grafana, type SsoOptions } from "./index.js";
import { authentik, base, envoy, secrets } from "./test-support.js";

const message = optionMessage("grafana");
const provider = authentikProvider(authentik);
const sso: SsoOptions = { provider, store: secrets.secretStore };
const build = (options: Partial<GrafanaOptions>) => () => grafana({ ...base, ...options });

describe("grafana rejects invalid options", () => {
  it("a host name that is a URL", () => {
    expect(build({ hostname: "https://grafana.example.com" })).toThrow(OptionError);
    expect(build({ hostname: "https://grafana.example.com" })).toThrow(
      message(
        "hostname",
        "not a host name",
        "a name such as grafana.${SECRET_DOMAIN}",
        '"https://grafana.example.com"',
      ),
    );
  });

  it("datasource URLs that are not HTTP", () => {
    const expected = "a URL such as http://service.namespace.svc:port/path";
    expect(build({ metrics: { url: "vmselect:8481" } })).toThrow(
      message("metrics.url", "not an HTTP URL", expected, '"vmselect:8481"'),
    );
    expect(build({ logs: { url: "" } })).toThrow(message("logs.url", "not an HTTP URL", expected, '""'));
  });

  it("a metrics URL on one tenant when there are more", () => {
    // GIVEN vmselect's URL of tenant 1 for a Grafana showing infra (1) and apps (2)
    expect(build({ metrics: { url: "http://vm:8481/select/1/prometheus" } })).toThrow(
      message(
        "metrics.url",
        "reads tenant 1 only, but the clusters' tenants are 1, 2",
        "vmselect's /select/multitenant/prometheus (every tenant)",
        '"http://vm:8481/select/1/prometheus"',
      ),
    );
  });

  it("no tenant, a tenant with a bad name or id, or two tenants sharing one", () => {
    expect(build({ tenants: [] })).toThrow(
      message(
        "tenants",
        "no cluster to show",
        "the clusters whose data the hubs keep, such as CLUSTERS",
        "[]",
      ),
    );
    expect(build({ tenants: [{ name: "Infra", id: 1 }] })).toThrow(
      message("tenants[0].name", "not a cluster name", "lowercase letters, digits and '-'", '"Infra"'),
    );
    expect(build({ tenants: [{ name: "infra", id: -1 }] })).toThrow(
      message("tenants[0].id", "not a tenant id", "the cluster id, an integer ≥ 0", "-1"),
    );
    expect(
      build({
        tenants: [
          { name: "infra", id: 1 },
          { name: "apps", id: 1 },
        ],
      }),
    ).toThrow(
      message("tenants[1]", "two tenants share a name or an id", "one tenant per cluster", "apps (1)"),
    );
  });

  it("a logs tenant header given by hand", () => {
    expect(build({ logs: { url: "http://vl:9428", headers: { AccountID: "1" } } })).toThrow(
      message(
        "logs.headers",
        "the tenant headers come from tenants",
        "headers other than AccountID and ProjectID",
        "AccountID",
      ),
    );
  });

  it("a datasource header without a value", () => {
    expect(build({ logs: { url: "http://vl:9428", headers: { Authorization: "" } } })).toThrow(
      message("logs.headers", "not an HTTP header", "a token name and a value", '"Authorization: "'),
    );
  });

  it("dashboards with a bad or repeated name, no folder title, a bad grafana.com id or a plain-HTTP URL", () => {
    const ok = { name: "flux", folder: "GitOps", grafanaCom: { id: 16714, revision: 1 } };
    expect(build({ dashboards: [{ ...ok, name: "Flux" }] })).toThrow(
      message("dashboards[0].name", "not a DNS label", "lowercase letters, digits and '-'", '"Flux"'),
    );
    expect(build({ dashboards: [ok, ok] })).toThrow(
      message(
        "dashboards[1].name",
        "two dashboards share a name",
        "a name of its own for each dashboard",
        "flux",
      ),
    );
    expect(build({ dashboards: [{ ...ok, folder: " " }] })).toThrow(
      message("dashboards[0].folder", "the folder has no title", "a title such as Kubernetes", '" "'),
    );
    expect(build({ dashboards: [{ ...ok, grafanaCom: { id: 16714, revision: 0 } }] })).toThrow(
      message(
        "dashboards[0].grafanaCom",
        "not a grafana.com dashboard",
        "a positive integer id and revision",
        "16714/0",
      ),
    );
    expect(build({ dashboards: [{ name: "x", folder: "X", url: "http://example.com/x.json" }] })).toThrow(
      message(
        "dashboards[0].url",
        "not an HTTPS URL",
        "the dashboard's JSON at a pinned version",
        '"http://example.com/x.json"',
      ),
    );
  });

  it("an SSO issuer or endpoint that is not HTTPS", () => {
    const expected = "a URL such as https://auth.${SECRET_DOMAIN}/application/o/grafana/";
    expect(build({ sso: { ...sso, provider: { ...provider, issuerUrl: "auth.example.com" } } })).toThrow(
      message("sso.provider.issuerUrl", "not an HTTPS URL", expected, '"auth.example.com"'),
    );
    const endpoints = { ...provider.endpoints, token: "http://a.example.com/token" };
    expect(build({ sso: { ...sso, provider: { ...provider, endpoints } } })).toThrow(
      message("sso.provider.endpoints.token", "not an HTTPS URL", expected, '"http://a.example.com/token"'),
    );
    // AND an authentik component served over plain HTTP gives such endpoints
    expect(
      build({ sso: { ...sso, provider: authentikProvider({ url: "http://auth.example.com" }) } }),
    ).toThrow(
      message(
        "sso.provider.issuerUrl",
        "not an HTTPS URL",
        expected,
        '"http://auth.example.com/application/o/grafana/"',
      ),
    );
  });

  it("an authentik application slug its URLs cannot carry", () => {
    expect(() => authentikProvider(authentik, "my app")).toThrow(
      optionMessage("authentikProvider")(
        "slug",
        "not an application slug",
        "letters, digits, '-' and '_', such as grafana",
        '"my app"',
      ),
    );
  });

  it("SSO scopes without openid", () => {
    expect(build({ sso: { ...sso, scopes: ["email"] } })).toThrow(
      message(
        "sso.scopes",
        "OpenID Connect needs the openid scope",
        'scopes including "openid"',
        '["email"]',
      ),
    );
  });

  it("an empty 1Password item or a field the template cannot read", () => {
    expect(build({ sso: { ...sso, item: " " } })).toThrow(
      message(
        "sso.item",
        "the 1Password item name is empty",
        "the item holding the OAuth client's id and secret",
        '""',
      ),
    );
    expect(build({ sso: { ...sso, clientSecretField: "client-secret" } })).toThrow(
      message(
        "sso.clientSecretField",
        "not a field name the secret template can read",
        "letters, digits and '_', not starting with a digit",
        '"client-secret"',
      ),
    );
  });

  it("bad option types at compile time", () => {
    // @ts-expect-error the gateway is a GatewayRef, not a name
    grafana({ ...base, gateway: "envoy-internal" });
    // @ts-expect-error the store is a SecretStoreRef, not a name
    grafana({ ...base, sso: { ...sso, store: "onepassword-connect" } });
    // @ts-expect-error a dashboard needs a source: grafanaCom or url
    expect(() => grafana({ ...base, dashboards: [{ name: "flux", folder: "GitOps" }] })).toThrow(OptionError);
    const source = { grafanaCom: { id: 1, revision: 1 } };
    // @ts-expect-error an input is filled with "metrics" or "logs"
    grafana({ ...base, dashboards: [{ name: "f", folder: "F", ...source, inputs: { DS: "loki" } }] });
    // @ts-expect-error the metrics endpoint is a typed value, not a URL string
    expect(() => grafana({ ...base, metrics: "http://vmselect:8481" })).toThrow();
    // @ts-expect-error unknown option
    grafana({ ...base, gateway: envoy.gateways.internal, plugins: [] });
    const issuerOnly = {
      issuerUrl: "https://auth.example.com/application/o/grafana/",
      store: secrets.secretStore,
    };
    // @ts-expect-error the provider is built from the identity provider's export, not an issuer string
    expect(() => grafana({ ...base, sso: issuerOnly })).toThrow();
    // @ts-expect-error tenants are clusters (name and id), not ids
    expect(() => grafana({ ...base, tenants: [1, 2] })).toThrow(OptionError);
  });
});
