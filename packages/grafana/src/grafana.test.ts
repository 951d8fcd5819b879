import { fileURLToPath } from "node:url";
import { componentYaml, renderComponents } from "@k8s-ops/core";
import { appOf, helmValues, objectsOf, PLATFORM_SETTINGS, readmeShows, readmeYaml } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { authentikProvider, DEFAULT_DASHBOARDS, grafana } from "./index.js";
import { alongside, authentik, base, envoy, secrets, settings, withStore } from "./test-support.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));
const gateways = envoy;
const { infra: INFRA, apps: APPS } = PLATFORM_SETTINGS;

describe("grafana", () => {
  it("renders the README example as the reviewed snapshot", async () => {
    // GIVEN the README example: Grafana on the internal gateway over both clusters' tenants, SSO through authentik
    // README:start
    const dashboards = grafana({
      gateway: gateways.gateways.internal,
      metrics: {
        url: "http://vmauth-hub.observability.svc.cluster.local:8427/select/multitenant/prometheus",
      },
      logs: { url: "http://vlsingle-logs.observability.svc.cluster.local:9428" },
      tenants: [INFRA, APPS],
      sso: { provider: authentikProvider(authentik, "grafana"), store: secrets.secretStore },
    });
    // README:end
    // WHEN rendered with the gateways and the store THEN it validates, matches the snapshot, the README shows it
    const yaml = componentYaml(dashboards, settings, withStore);
    await expect(yaml).toMatchFileSnapshot("__snapshots__/grafana.default.yaml");
    expect(readmeShows(README, fileURLToPath(import.meta.url))).toBe(true);
    for (const excerpt of readmeYaml(README).split(/^ *# …\n/m)) expect(yaml).toContain(excerpt);
    expect(dashboards.url).toBe("https://grafana.${SECRET_DOMAIN}");
  });

  it("installs the operator with its CRDs first, then the instance stage that depends on it", () => {
    // GIVEN the defaults WHEN rendered
    const component = grafana(base);
    const files = renderComponents([...alongside, component], settings).files;
    const [instance, operator] = parseAllDocuments(files.get("apps/observability/grafana/ks.yaml") ?? "").map(
      (d) => d.toJS() as { metadata: { name: string }; spec: Record<string, unknown> },
    );
    // THEN the operator declares the CRD group and waits; the instance stage depends on it and on the gateways
    expect(appOf(component, "grafana-operator")).toMatchObject({
      crds: ["grafana.integreatly.org/*"],
      layer: "controllers",
      wait: true,
    });
    expect(objectsOf(appOf(component, "grafana-operator"), "OCIRepository")[0]).toMatchObject({
      spec: { ref: { tag: "5.24.0" }, url: "oci://ghcr.io/grafana/helm-charts/grafana-operator" },
    });
    expect(helmValues(appOf(component, "grafana-operator"))).toEqual({ serviceMonitor: { enabled: true } });
    expect(instance?.metadata.name).toBe("grafana-instance");
    expect(instance?.spec.path).toBe("./clusters/test/apps/observability/grafana/instance");
    expect(instance?.spec.dependsOn).toEqual([
      { name: "envoy-gateway", namespace: "network" },
      { name: "envoy-gateways", namespace: "network" },
      { name: "grafana-operator", namespace: "observability" },
    ]);
    expect(operator?.metadata.name).toBe("grafana-operator");
    expect(operator?.spec.wait).toBe(true);
  });

  it("gives the instance VictoriaMetrics over every tenant (default) and VictoriaLogs per tenant", () => {
    // GIVEN the defaults (tenants infra 1 and apps 2) WHEN built
    const [metrics, ...logs] = objectsOf(appOf(grafana(base), "grafana-instance"), "GrafanaDatasource");
    // THEN all select the instance; metrics is Prometheus-typed at vmselect, logs use the VictoriaLogs plugin
    expect(metrics?.spec).toEqual({
      datasource: {
        access: "proxy",
        isDefault: true,
        jsonData: { prometheusType: "Prometheus", timeInterval: "30s" },
        name: "VictoriaMetrics",
        type: "prometheus",
        uid: "victoria-metrics",
        url: base.metrics.url,
      },
      instanceSelector: { matchLabels: { dashboards: "grafana" } },
    });
    // AND each cluster's logs are read from its own tenant, which VictoriaLogs takes from the AccountID header
    expect(logs.map((d) => d.spec)).toEqual(
      [
        ["infra", "1"],
        ["apps", "2"],
      ].map(([name, id]) => ({
        datasource: {
          access: "proxy",
          jsonData: { httpHeaderName1: "AccountID", httpHeaderName2: "ProjectID", maxLines: 1000 },
          name: `VictoriaLogs ${name}`,
          secureJsonData: { httpHeaderValue1: id, httpHeaderValue2: "0" },
          type: "victoriametrics-logs-datasource",
          uid: `victoria-logs-${name}`,
          url: base.logs.url,
        },
        instanceSelector: { matchLabels: { dashboards: "grafana" } },
        plugins: [{ name: "victoriametrics-logs-datasource", version: "0.22.0" }],
      })),
    );
  });

  it("builds one logs datasource per cluster of the settings given, so a new cluster gets its own", () => {
    // GIVEN a third cluster WHEN built from the clusters' settings THEN its tenant gets a datasource too
    const edge = { ...APPS, name: "edge", id: 3 };
    const names = objectsOf(
      appOf(grafana({ ...base, tenants: [INFRA, APPS, edge] }), "grafana-instance"),
      "GrafanaDatasource",
    ).map((d) => (d.metadata as { name: string }).name);
    expect(names).toEqual([
      "victoria-metrics",
      "victoria-logs-infra",
      "victoria-logs-apps",
      "victoria-logs-edge",
    ]);
  });

  it("files the default dashboards in folders, from grafana.com by id and revision, filled with VictoriaMetrics", () => {
    // GIVEN the defaults WHEN built
    const app = appOf(grafana(base), "grafana-instance");
    const dashboards = objectsOf(app, "GrafanaDashboard");
    // THEN each default dashboard is there, pinned, in its folder, with its inputs mapped
    expect(dashboards.map((d) => (d.metadata as { name: string }).name)).toEqual(
      DEFAULT_DASHBOARDS.map((d) => d.name),
    );
    expect(dashboards[0]?.spec).toEqual({
      datasources: [{ datasourceName: "VictoriaMetrics", inputName: "DS_PROMETHEUS" }],
      folderRef: "gitops",
      grafanaCom: { id: 16714, revision: 1 },
      instanceSelector: { matchLabels: { dashboards: "grafana" } },
    });
    expect(objectsOf(app, "GrafanaFolder").map((f) => f.spec)).toEqual(
      ["GitOps", "Network", "Platform", "Observability", "Kubernetes", "Storage"].map((title) => ({
        instanceSelector: { matchLabels: { dashboards: "grafana" } },
        title,
      })),
    );
  });

  it("routes grafana.<domain> through the gateway to the operator's Service", () => {
    const [route] = objectsOf(appOf(grafana(base), "grafana-instance"), "HTTPRoute");
    expect(route?.spec).toMatchObject({
      hostnames: ["grafana.${SECRET_DOMAIN}"],
      parentRefs: [{ name: "envoy-internal", namespace: "network", sectionName: "https" }],
      rules: [{ backendRefs: [{ kind: "Service", name: "grafana-service", port: 3000 }] }],
    });
  });

  it("without SSO, renders no OAuth settings and no secret", () => {
    // GIVEN no sso option WHEN built
    const app = appOf(grafana(base), "grafana-instance");
    const [instance] = objectsOf(app, "Grafana");
    // THEN the instance keeps the login form only, and nothing is read from the store
    expect(instance?.spec).not.toHaveProperty("deployment");
    expect(instance?.spec).toMatchObject({
      config: { server: { root_url: "https://grafana.${SECRET_DOMAIN}" } },
    });
    expect(instance?.spec).not.toHaveProperty(["config", "auth.generic_oauth"]);
    expect(objectsOf(app, "ExternalSecret")).toEqual([]);
    expect(app.uses).toEqual([envoy.gateways.internal]);
  });
});
