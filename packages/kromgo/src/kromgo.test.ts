import { fileURLToPath } from "node:url";
import { componentYaml, renderComponents } from "@k8s-ops/core";
import { appOf, helmValues, readmeShows, readmeYaml } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import { DEFAULT_BADGES, kromgo } from "./index.js";
import { alongside, envoy, settings } from "./test-support.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));
const gateways = envoy;
const vmselect = { url: "http://vmselect-hub.observability.svc.cluster.local:8481/select/0/prometheus" };

interface Values {
  configMaps: { config: { data: { "config.yaml": string } } };
  controllers: { kromgo: { containers: { app: Record<string, unknown> } } };
  persistence: Record<string, unknown>;
}

/** The series names of a PromQL query: identifiers that are not functions, keywords, labels or strings. */
function seriesOf(query: string): string[] {
  const bare = query
    .replace(/"[^"]*"/g, '""')
    .replace(/\{[^}]*\}/g, "")
    .replace(/\b(by|without)\s*\([^)]*\)/g, "")
    .replace(/\[[^\]]*\]/g, "");
  return [...bare.matchAll(/\b[a-zA-Z_:][a-zA-Z0-9_:]*\b(?!\s*\()/g)]
    .map((m) => m[0])
    .filter((name) => name !== "or");
}

const values = () =>
  helmValues(
    appOf(kromgo({ metrics: vmselect, gateway: envoy.gateways.external }), "kromgo"),
  ) as unknown as Values;

describe("kromgo", () => {
  it("renders the README example as the reviewed snapshot", async () => {
    // GIVEN the README example: badges from the hub's vmselect, on the external gateway
    // README:start
    const badges = kromgo({
      metrics: { url: "http://vmselect-hub.observability.svc.cluster.local:8481/select/0/prometheus" },
      gateway: gateways.gateways.external,
    });
    // README:end
    // WHEN rendered with the gateways THEN it validates, matches the snapshot, and the README shows it
    const yaml = componentYaml(badges, settings, alongside);
    await expect(yaml).toMatchFileSnapshot("__snapshots__/kromgo.default.yaml");
    expect(readmeShows(README, fileURLToPath(import.meta.url))).toBe(true);
    for (const excerpt of readmeYaml(README).split(/^ *# …\n/m)) expect(yaml).toContain(excerpt);
    expect(badges.url).toBe("https://kromgo.${SECRET_DOMAIN}");
  });

  it("queries vmselect for every default badge, configured from a mounted file", () => {
    // GIVEN the defaults WHEN built
    const v = values();
    // THEN kromgo queries the Prometheus API of vmselect, and its config lists the badges
    expect(v.controllers.kromgo.containers.app).toMatchObject({
      env: { PROMETHEUS_URL: vmselect.url, SERVER_PORT: "8080", HEALTH_PORT: "8888" },
      image: { repository: "ghcr.io/kashalls/kromgo", tag: "v0.9.1" },
    });
    const config = parse(v.configMaps.config.data["config.yaml"]);
    expect(config.metrics.map((m: { name: string }) => m.name)).toEqual(DEFAULT_BADGES.map((b) => b.name));
    expect(config.metrics.find((m: { name: string }) => m.name === "cluster_cpu_usage")).toEqual({
      colors: [
        { color: "green", max: 35, min: 0 },
        { color: "orange", max: 75, min: 36 },
        { color: "red", max: 9999, min: 76 },
      ],
      name: "cluster_cpu_usage",
      query: 'round(100 * (1 - avg(rate(node_cpu_seconds_total{mode="idle"}[5m]))), 0.1)',
      suffix: "%",
      title: "CPU",
    });
    expect(v.persistence.config).toEqual({
      globalMounts: [{ path: "/kromgo/config.yaml", readOnly: true, subPath: "config.yaml" }],
      identifier: "config",
      type: "configMap",
    });
  });

  it("routes the badges through the gateway and depends on it", () => {
    // GIVEN the defaults WHEN rendered
    const files = renderComponents(
      [...alongside, kromgo({ metrics: vmselect, gateway: envoy.gateways.external })],
      settings,
    ).files;
    const [ks] = parseAllDocuments(files.get("apps/observability/kromgo/ks.yaml") ?? "").map((d) => d.toJS());
    const route = parse(files.get("apps/observability/kromgo/app/httproute.yaml")?.split("---\n")[1] ?? "");
    // THEN kromgo.<domain> goes to the kromgo Service on the external gateway, which the app waits for
    expect(route.spec.hostnames).toEqual(["kromgo.${SECRET_DOMAIN}"]);
    expect(route.spec.parentRefs[0]).toMatchObject({ name: "envoy-external", namespace: "network" });
    expect(route.spec.rules[0].backendRefs).toEqual([
      { group: "", kind: "Service", name: "kromgo", port: 8080 },
    ]);
    expect(ks.spec.dependsOn).toContainEqual({ name: "envoy-gateways", namespace: "network" });
  });

  it("reads only series the cluster's agent collects (node-exporter, kube-state-metrics, API server, VMAlert)", () => {
    // GIVEN the series each source the victoria-metrics agent scrapes (or VMAlert writes) provides
    const collected = new Set([
      // node-exporter
      "node_os_info",
      "node_cpu_seconds_total",
      "node_memory_MemAvailable_bytes",
      "node_memory_MemTotal_bytes",
      "node_time_seconds",
      "node_boot_time_seconds",
      // kube-state-metrics
      "kube_node_status_condition",
      "kube_pod_status_phase",
      "kube_node_created",
      // the API server
      "kubernetes_build_info",
      // VMAlert's alert state, in the tenant of the cluster the alert is about
      "ALERTS",
    ]);
    // WHEN the series names are read out of every default badge's query
    const series = DEFAULT_BADGES.flatMap((badge) =>
      seriesOf(badge.query).map((name) => `${badge.name}: ${name}`),
    );
    // THEN each is collected (flux_version's flux_instance_info is not: flux-operator is not scraped)
    expect(series.filter((entry) => !collected.has(entry.split(": ")[1] ?? ""))).toEqual([]);
    expect(series.length).toBeGreaterThanOrEqual(DEFAULT_BADGES.length);
  });

  it("leaves the queries' $1 references alone: Flux only substitutes ${…}", () => {
    const config = values().configMaps.config.data["config.yaml"];
    expect(config).toContain('"$1"');
    expect(config).not.toMatch(/\$\{/);
  });
});
