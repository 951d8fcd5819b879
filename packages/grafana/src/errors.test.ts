import { OptionError } from "@k8s-ops/core";
import { optionMessage } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { type GrafanaOptions, grafana, type SsoOptions } from "./index.js";
import { base, envoy, secrets } from "./test-support.js";

const message = optionMessage("grafana");
const sso: SsoOptions = { issuerUrl: "https://sso.example.com/realms/platform", store: secrets.secretStore };
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

  it("a datasource header without a value", () => {
    expect(build({ logs: { url: "http://vl:9428", headers: { AccountID: "" } } })).toThrow(
      message("logs.headers", "not an HTTP header", "a token name and a value", '"AccountID: "'),
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
    const expected = "a URL such as https://sso.${SECRET_DOMAIN}/realms/platform";
    expect(build({ sso: { ...sso, issuerUrl: "sso.example.com" } })).toThrow(
      message("sso.issuerUrl", "not an HTTPS URL", expected, '"sso.example.com"'),
    );
    const endpoints = {
      auth: "https://a.example.com/auth",
      token: "http://a.example.com/token",
      userInfo: "https://a.example.com/u",
    };
    expect(build({ sso: { ...sso, endpoints } })).toThrow(
      message("sso.endpoints.token", "not an HTTPS URL", expected, '"http://a.example.com/token"'),
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
  });
});
