import { fileURLToPath } from "node:url";
import { type Component, componentYaml, defineApp, renderComponents } from "@k8s-ops/core";
import { httpRoute } from "@k8s-ops/envoy-gateway";
import { appOf, helmValues, objectsOf, readmeShows, readmeYaml } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import { gatus, gatusCheck } from "./index.js";
import { alongside, envoy, settings } from "./test-support.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));
const TEST_FILE = fileURLToPath(import.meta.url);
const gateways = envoy;

describe("gatus", () => {
  it("renders the README example as the reviewed snapshot", async () => {
    // GIVEN the README example: the status page on the external gateway
    // README:start
    const status = gatus({ settings, gateway: gateways.gateways.external });
    // README:end
    // WHEN rendered with the gateways THEN it validates, matches the snapshot, and the README shows it
    const yaml = componentYaml(status, settings, alongside);
    await expect(yaml).toMatchFileSnapshot("__snapshots__/gatus.default.yaml");
    expect(readmeShows(README, TEST_FILE)).toBe(true);
    for (const excerpt of readmeYaml(README).split(/^ *# …\n/m)) expect(yaml).toContain(excerpt);
    expect(status.url).toBe("https://status-test.${SECRET_DOMAIN}");
  });

  it("collects the checks of labelled ConfigMaps from every namespace with a sidecar allowed to read them", () => {
    // GIVEN the defaults WHEN built
    const app = appOf(gatus({ settings, gateway: envoy.gateways.external }), "gatus");
    const values = helmValues(app) as {
      controllers: { gatus: { initContainers: { "config-sync": { env: unknown; restartPolicy: string } } } };
      persistence: Record<string, unknown>;
    };
    // THEN a native sidecar copies ConfigMaps labelled gatus.io/enabled=true into /config, where Gatus reads them
    expect(values.controllers.gatus.initContainers["config-sync"]).toMatchObject({
      env: {
        FOLDER: "/config",
        LABEL: "gatus.io/enabled",
        LABEL_VALUE: "true",
        NAMESPACE: "ALL",
        RESOURCE: "configmap",
      },
      restartPolicy: "Always",
    });
    expect(values.persistence.config).toEqual({
      advancedMounts: { gatus: { app: [{ path: "/config" }], "config-sync": [{ path: "/config" }] } },
      type: "emptyDir",
    });
    // AND its ServiceAccount may get, list and watch ConfigMaps cluster-wide
    expect(objectsOf(app, "ClusterRole")[0]).toMatchObject({
      rules: [{ apiGroups: [""], resources: ["configmaps"], verbs: ["get", "list", "watch"] }],
    });
    expect(objectsOf(app, "ClusterRoleBinding")[0]).toMatchObject({
      subjects: [{ kind: "ServiceAccount", name: "gatus", namespace: "observability" }],
    });
  });

  it("checks its own page, so Gatus starts before any app has added a check", () => {
    const values = helmValues(appOf(gatus({ settings, gateway: envoy.gateways.external }), "gatus")) as {
      configMaps: { config: { data: { "config.yaml": string } } };
    };
    expect(parse(values.configMaps.config.data["config.yaml"])).toEqual({
      endpoints: [
        {
          conditions: ["[STATUS] == 200"],
          group: "status",
          interval: "1m",
          name: "status",
          url: "https://status-test.${SECRET_DOMAIN}/health",
        },
      ],
      metrics: true,
      storage: { type: "memory" },
      ui: { header: "Status", title: "Status" },
      web: { port: 8080 },
    });
  });

  it("serves each cluster's page on a host name of its own, derived from the cluster's name", () => {
    // GIVEN the platform's two clusters, both serving their page on the shared domain
    const pages = ["infra", "apps"].map((name) =>
      gatus({ settings: { ...settings, name }, gateway: envoy.gateways.external }),
    );
    // WHEN their routes are read THEN the host names differ, so the clusters' DNS records and routes never collide
    const hosts = pages.map(
      (page) =>
        (objectsOf(appOf(page, "gatus"), "HTTPRoute")[0]?.spec as { hostnames?: string[] } | undefined)
          ?.hostnames,
    );
    expect(hosts).toEqual([["status-infra.${SECRET_DOMAIN}"], ["status-apps.${SECRET_DOMAIN}"]]);
    expect(pages.map((page) => page.url)).toEqual([
      "https://status-infra.${SECRET_DOMAIN}",
      "https://status-apps.${SECRET_DOMAIN}",
    ]);
  });

  it("exposes its metrics with a ServiceMonitor the VictoriaMetrics operator converts, or not", () => {
    const monitor = (serviceMonitor: boolean) =>
      helmValues(appOf(gatus({ settings, gateway: envoy.gateways.external, serviceMonitor }), "gatus"))
        .serviceMonitor;
    expect(monitor(true)).toEqual({
      app: {
        endpoints: [{ path: "/metrics", port: "http", scheme: "http" }],
        service: { identifier: "app" },
      },
    });
    expect(monitor(false)).toBeUndefined();
  });

  it("routes the page through the gateway and depends on it", () => {
    // GIVEN the defaults WHEN rendered
    const files = renderComponents(
      [...alongside, gatus({ settings, gateway: envoy.gateways.internal })],
      settings,
    ).files;
    const [ks] = parseAllDocuments(files.get("apps/observability/gatus/ks.yaml") ?? "").map((d) => d.toJS());
    const route = parse(files.get("apps/observability/gatus/app/httproute.yaml")?.split("---\n")[1] ?? "");
    // THEN the route sends status.<domain> to the gatus Service, and the app waits for the gateways
    expect(route.spec.parentRefs[0]).toMatchObject({ name: "envoy-internal", namespace: "network" });
    expect(route.spec.rules[0].backendRefs).toEqual([
      { group: "", kind: "Service", name: "gatus", port: 8080 },
    ]);
    expect(ks.spec.dependsOn).toContainEqual({ name: "envoy-gateways", namespace: "network" });
  });
});

describe("gatusCheck", () => {
  it("adds a check to an app with a route in one line (the README example)", () => {
    // GIVEN the README example: an app with a route, checked by Gatus
    // CHECK:start
    const route = httpRoute({
      name: "grafana",
      gateway: gateways.gateways.internal,
      hostnames: ["grafana.${SECRET_DOMAIN}"],
      service: { name: "grafana-service", port: 3000 },
    });
    const app = defineApp({
      name: "grafana",
      namespace: "observability",
      layer: "platform",
      objects: [route.route, gatusCheck({ name: "grafana", url: "https://grafana.${SECRET_DOMAIN}" }).object],
      uses: route.uses,
    });
    // CHECK:end
    // WHEN the app is rendered in a cluster
    const component: Component = { name: "grafana", apps: [app] };
    const rendered = renderComponents([...alongside, component], settings);
    // THEN it validates, and its folder holds the labelled ConfigMap with the endpoint
    expect(rendered.findings).toEqual([]);
    const file = rendered.files.get("apps/observability/grafana/app/configmap.yaml") ?? "";
    const configMap = parse(file.split("---\n")[1] ?? "");
    expect(configMap.metadata).toEqual({ name: "grafana-gatus-ep", labels: { "gatus.io/enabled": "true" } });
    expect(parse(configMap.data["config.yaml"])).toEqual({
      endpoints: [
        {
          conditions: ["[STATUS] == 200"],
          group: "services",
          interval: "1m",
          name: "grafana",
          url: "https://grafana.${SECRET_DOMAIN}",
        },
      ],
    });
    expect(readmeShows(README, TEST_FILE, "CHECK")).toBe(true);
  });

  it("needs no dependency on Gatus: the ConfigMap waits for it, whatever the order", () => {
    // GIVEN a check WHEN built THEN it is a plain ConfigMap, a kind every cluster serves
    const check = gatusCheck({ name: "web", url: "https://web.example.com" });
    expect(check.object.apiVersion).toBe("v1");
    expect(check.object.kind).toBe("ConfigMap");
    expect(check.endpoint).toMatchObject({ name: "web", url: "https://web.example.com" });
  });
});
