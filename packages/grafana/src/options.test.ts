import { appOf, objectsOf } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import {
  authentikProvider,
  DEFAULT_ROLE_ATTRIBUTE_PATH,
  type GrafanaOptions,
  grafana,
  type SsoOptions,
} from "./index.js";
import { authentik, base, envoy, secrets } from "./test-support.js";

const instanceApp = (options: Partial<GrafanaOptions> = {}) =>
  appOf(grafana({ ...base, ...options }), "grafana-instance");
const instance = (options: Partial<GrafanaOptions> = {}) =>
  objectsOf(instanceApp(options), "Grafana")[0]?.spec as {
    config: Record<string, Record<string, string>>;
    deployment?: unknown;
  };
const sso: SsoOptions = { provider: authentikProvider(authentik), store: secrets.secretStore };
const oauth = (more: Partial<SsoOptions> = {}) =>
  instance({ sso: { ...sso, ...more } }).config["auth.generic_oauth"];

describe("grafana options", () => {
  it("gateway: the route attaches to it and the instance stage uses it", () => {
    const app = instanceApp({ gateway: envoy.gateways.external });
    expect(objectsOf(app, "HTTPRoute")[0]).toMatchObject({
      spec: { parentRefs: [{ name: "envoy-external" }] },
    });
    expect(app.uses).toEqual([envoy.gateways.external]);
  });

  it("metrics and logs: are the datasources' URLs", () => {
    const urls = objectsOf(
      instanceApp({
        metrics: { url: "http://vm:8481/select/multitenant/prometheus" },
        logs: { url: "http://vl:9428" },
      }),
      "GrafanaDatasource",
    ).map((d) => (d.spec as { datasource: { url: string } }).datasource.url);
    expect(urls).toEqual([
      "http://vm:8481/select/multitenant/prometheus",
      "http://vl:9428",
      "http://vl:9428",
    ]);
  });

  it("metrics.headers and logs.headers: Grafana sends them with every query, beside each tenant's", () => {
    const [metrics, logs] = objectsOf(
      instanceApp({ logs: { url: "http://vl:9428", headers: { Authorization: "Bearer x" } } }),
      "GrafanaDatasource",
    ).map((d) => (d.spec as { datasource: Record<string, unknown> }).datasource);
    expect(logs).toMatchObject({
      jsonData: {
        httpHeaderName1: "Authorization",
        httpHeaderName2: "AccountID",
        httpHeaderName3: "ProjectID",
      },
      secureJsonData: { httpHeaderValue1: "Bearer x", httpHeaderValue2: "1", httpHeaderValue3: "0" },
    });
    expect(metrics).not.toHaveProperty("secureJsonData");
  });

  it("tenants: one logs datasource each; a one-tenant platform may read metrics from that tenant alone", () => {
    // GIVEN a single cluster WHEN its tenant's own metrics URL is given THEN it is accepted, with one logs datasource
    const app = instanceApp({
      metrics: { url: "http://vm:8481/select/7/prometheus" },
      tenants: [{ name: "solo", id: 7 }],
    });
    expect(objectsOf(app, "GrafanaDatasource").map((d) => (d.metadata as { name: string }).name)).toEqual([
      "victoria-metrics",
      "victoria-logs-solo",
    ]);
  });

  it("hostname: is the route's host name and Grafana's root URL", () => {
    expect(objectsOf(instanceApp({ hostname: "dash.example.com" }), "HTTPRoute")[0]).toMatchObject({
      spec: { hostnames: ["dash.example.com"] },
    });
    expect(instance({ hostname: "dash.example.com" }).config.server).toEqual({
      root_url: "https://dash.example.com",
    });
  });

  it("namespace: moves both stages", () => {
    expect(grafana({ ...base, namespace: "monitoring" }).apps.map((a) => a.namespace)).toEqual([
      "monitoring",
      "monitoring",
    ]);
  });

  it("dashboards: replace the defaults; a URL source and other inputs are kept as given", () => {
    const app = instanceApp({
      dashboards: [
        { name: "volsync", folder: "Storage", grafanaCom: { id: 21356, revision: 3 } },
        { name: "logs", folder: "Logs", url: "https://example.com/v1/logs.json", inputs: { DS_VL: "logs" } },
        // the first tenant's logs fill a dashboard's logs input
      ],
    });
    expect(objectsOf(app, "GrafanaDashboard").map((d) => d.spec)).toEqual([
      {
        datasources: [{ datasourceName: "VictoriaMetrics", inputName: "DS_PROMETHEUS" }],
        folderRef: "storage",
        grafanaCom: { id: 21356, revision: 3 },
        instanceSelector: { matchLabels: { dashboards: "grafana" } },
      },
      {
        datasources: [{ datasourceName: "VictoriaLogs infra", inputName: "DS_VL" }],
        folderRef: "logs",
        instanceSelector: { matchLabels: { dashboards: "grafana" } },
        url: "https://example.com/v1/logs.json",
      },
    ]);
    expect(objectsOf(app, "GrafanaFolder").map((f) => (f.metadata as { name: string }).name)).toEqual([
      "storage",
      "logs",
    ]);
  });

  it("sso: turns on generic OAuth with authentik's endpoints, the client from the store", () => {
    // GIVEN authentik's provider and the store WHEN built
    const app = instanceApp({ sso });
    // THEN the OAuth settings point at authentik's shared endpoints and map groups to roles
    expect(oauth()).toEqual({
      allow_sign_up: "true",
      api_url: "https://auth.${SECRET_DOMAIN}/application/o/userinfo/",
      auth_url: "https://auth.${SECRET_DOMAIN}/application/o/authorize/",
      email_attribute_path: "email",
      enabled: "true",
      groups_attribute_path: "groups",
      login_attribute_path: "preferred_username",
      name: "SSO",
      name_attribute_path: "name",
      role_attribute_path: DEFAULT_ROLE_ATTRIBUTE_PATH,
      scopes: "openid profile email",
      token_url: "https://auth.${SECRET_DOMAIN}/application/o/token/",
      use_pkce: "true",
      use_refresh_token: "true",
    });
    // AND the client's id and secret reach Grafana's environment from an ExternalSecret, which the stage waits for
    expect(objectsOf(app, "ExternalSecret")[0]?.spec).toMatchObject({
      dataFrom: [{ extract: { key: "grafana" } }],
      target: {
        name: "grafana-oauth-secret",
        template: {
          data: {
            GF_AUTH_GENERIC_OAUTH_CLIENT_ID: "{{ .GRAFANA_OIDC_CLIENT_ID }}",
            GF_AUTH_GENERIC_OAUTH_CLIENT_SECRET: "{{ .GRAFANA_OIDC_CLIENT_SECRET }}",
          },
        },
      },
    });
    expect(instance({ sso }).deployment).toEqual({
      spec: {
        template: {
          spec: {
            containers: [{ envFrom: [{ secretRef: { name: "grafana-oauth-secret" } }], name: "grafana" }],
          },
        },
      },
    });
    expect(app.uses).toContain(secrets.secretStore);
  });

  it("sso.item, clientIdField and clientSecretField: choose the 1Password item and its fields", () => {
    const app = instanceApp({
      sso: { ...sso, item: "oidc-grafana", clientIdField: "id", clientSecretField: "secret" },
    });
    expect(objectsOf(app, "ExternalSecret")[0]?.spec).toMatchObject({
      dataFrom: [{ extract: { key: "oidc-grafana" } }],
      target: {
        template: {
          data: {
            GF_AUTH_GENERIC_OAUTH_CLIENT_ID: "{{ .id }}",
            GF_AUTH_GENERIC_OAUTH_CLIENT_SECRET: "{{ .secret }}",
          },
        },
      },
    });
  });

  it("sso.displayName, scopes and roleAttributePath: label the button, ask for scopes, map roles", () => {
    const settings = oauth({
      displayName: "authentik",
      scopes: ["openid", "email"],
      roleAttributePath: "'Viewer'",
    });
    expect(settings).toMatchObject({
      name: "authentik",
      scopes: "openid email",
      role_attribute_path: "'Viewer'",
    });
  });

  it("sso.provider: another OpenID Connect provider's endpoints and scopes", () => {
    const provider = {
      issuerUrl: "https://sso.example.com/realms/platform",
      endpoints: {
        auth: "https://sso.example.com/realms/platform/protocol/openid-connect/auth",
        token: "https://sso.example.com/realms/platform/protocol/openid-connect/token",
        userInfo: "https://sso.example.com/realms/platform/protocol/openid-connect/userinfo",
      },
      scopes: ["openid", "profile", "email", "groups"],
    };
    expect(oauth({ provider })).toMatchObject({
      api_url: provider.endpoints.userInfo,
      auth_url: provider.endpoints.auth,
      scopes: "openid profile email groups",
      token_url: provider.endpoints.token,
    });
  });

  it("authentikProvider: the application's issuer and authentik's shared endpoints, from its URL", () => {
    // GIVEN the authentik component's URL (a trailing slash tolerated) and the application's slug
    expect(authentikProvider({ url: "https://auth.example.com/" }, "dashboards")).toEqual({
      issuerUrl: "https://auth.example.com/application/o/dashboards/",
      endpoints: {
        auth: "https://auth.example.com/application/o/authorize/",
        token: "https://auth.example.com/application/o/token/",
        userInfo: "https://auth.example.com/application/o/userinfo/",
      },
      scopes: ["openid", "profile", "email"],
    });
  });
});
