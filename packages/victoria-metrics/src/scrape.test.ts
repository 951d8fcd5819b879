import { fileURLToPath } from "node:url";
import { defineApp, renderComponents } from "@k8s-ops/core";
import { optionMessage, readmeShows } from "@k8s-ops/testing";
import { ServiceMonitor } from "@kubernetes-models/prometheus-operator/monitoring.coreos.com/v1/ServiceMonitor";
import { describe, expect, it } from "vitest";
import {
  podScrape,
  type ServiceScrapeOptions,
  serviceScrape,
  victoriaMetricsOperator,
  vmRule,
} from "./index.js";
import { INFRA, kustomizations } from "./test-support.js";

const base: ServiceScrapeOptions = {
  name: "grafana",
  selector: { "app.kubernetes.io/name": "grafana" },
  port: "http",
};
const endpoint = (options: Partial<ServiceScrapeOptions>) =>
  (serviceScrape({ ...base, ...options }).toJSON() as { spec: { endpoints: unknown[] } }).spec.endpoints[0];

describe("serviceScrape and podScrape", () => {
  it("serviceScrape: scrapes the matching Services' endpoints on the named port", () => {
    expect(serviceScrape(base).toJSON()).toEqual({
      apiVersion: "operator.victoriametrics.com/v1beta1",
      kind: "VMServiceScrape",
      metadata: { name: "grafana" },
      spec: {
        endpoints: [{ path: "/metrics", port: "http" }],
        selector: { matchLabels: { "app.kubernetes.io/name": "grafana" } },
      },
    });
  });

  it("podScrape: scrapes the matching Pods on the named container port", () => {
    expect(podScrape(base).toJSON()).toEqual({
      apiVersion: "operator.victoriametrics.com/v1beta1",
      kind: "VMPodScrape",
      metadata: { name: "grafana" },
      spec: {
        podMetricsEndpoints: [{ path: "/metrics", port: "http" }],
        selector: { matchLabels: { "app.kubernetes.io/name": "grafana" } },
      },
    });
  });

  it("renders the README example: an app with its scrape and its rules", () => {
    // GIVEN the README example
    // SCRAPE:start
    const scrape = serviceScrape({
      name: "grafana",
      selector: { "app.kubernetes.io/name": "grafana" },
      port: "http",
    });
    const rules = vmRule({
      name: "grafana",
      groups: [
        { name: "grafana", rules: [{ alert: "GrafanaDown", expr: 'up{job="grafana"} == 0', for: "5m" }] },
      ],
    });
    // SCRAPE:end
    // WHEN an app deploys both beside the operator THEN the cluster validates and the app waits for the operator
    const app = defineApp({
      name: "grafana",
      namespace: "observability",
      layer: "apps",
      objects: [scrape, rules],
    });
    const rendered = renderComponents([victoriaMetricsOperator(), { name: "grafana", apps: [app] }], INFRA);
    expect(rendered.findings).toEqual([]);
    expect(
      kustomizations(rendered.files, "apps/observability/grafana/ks.yaml").get("grafana")?.spec.dependsOn,
    ).toEqual([{ name: "victoria-metrics-operator", namespace: "observability" }]);
    const readme = fileURLToPath(new URL("../README.md", import.meta.url));
    expect(readmeShows(readme, fileURLToPath(import.meta.url), "SCRAPE")).toBe(true);
  });

  it("an app exposing its metrics depends on the operator by the scrape kind", () => {
    // GIVEN an app with a VMServiceScrape and one with a chart-style ServiceMonitor
    const app = defineApp({
      name: "grafana",
      namespace: "observability",
      layer: "apps",
      objects: [serviceScrape(base)],
    });
    const monitor = new ServiceMonitor({
      metadata: { name: "spegel" },
      spec: { endpoints: [{ port: "metrics" }], selector: { matchLabels: { app: "spegel" } } },
    });
    const chart = defineApp({ name: "spegel", namespace: "kube-system", layer: "apps", objects: [monitor] });
    // WHEN rendered with the operator
    const files = renderComponents(
      [victoriaMetricsOperator(), { name: "apps", apps: [app, chart] }],
      INFRA,
    ).files;
    // THEN each depends on the app installing its CRD
    expect(
      kustomizations(files, "apps/observability/grafana/ks.yaml").get("grafana")?.spec.dependsOn,
    ).toEqual([{ name: "victoria-metrics-operator", namespace: "observability" }]);
    expect(kustomizations(files, "apps/kube-system/spegel/ks.yaml").get("spegel")?.spec.dependsOn).toEqual([
      { name: "prometheus-operator-crds", namespace: "observability" },
    ]);
  });

  it("path, interval and scheme: set on the endpoint", () => {
    expect(endpoint({ path: "/stats", interval: "1m", scheme: "https" })).toEqual({
      interval: "1m",
      path: "/stats",
      port: "http",
      scheme: "https",
    });
  });

  it("honorLabels and jobLabel: the target's labels win, the job comes from a Service label", () => {
    expect(endpoint({ honorLabels: true })).toEqual({ honorLabels: true, path: "/metrics", port: "http" });
    const json = serviceScrape({ ...base, jobLabel: "app.kubernetes.io/instance" }).toJSON() as {
      spec: Record<string, unknown>;
    };
    expect(json.spec.jobLabel).toBe("app.kubernetes.io/instance");
  });

  it("serviceAccount: the agent's token over HTTPS, the certificate verified by the cluster CA", () => {
    expect(endpoint({ serviceAccount: { serverName: "kubernetes" } })).toEqual({
      bearerTokenFile: "/var/run/secrets/kubernetes.io/serviceaccount/token",
      path: "/metrics",
      port: "http",
      scheme: "https",
      tlsConfig: { caFile: "/var/run/secrets/kubernetes.io/serviceaccount/ca.crt", serverName: "kubernetes" },
    });
  });

  it("namespaces: where the Services are looked for", () => {
    const json = serviceScrape({ ...base, namespaces: ["network", "observability"] }).toJSON() as {
      spec: Record<string, unknown>;
    };
    expect(json.spec.namespaceSelector).toEqual({ matchNames: ["network", "observability"] });
  });
});

describe("scrape errors", () => {
  const message = optionMessage("serviceScrape(grafana)");
  const scrape = (options: Partial<ServiceScrapeOptions>) => () => serviceScrape({ ...base, ...options });

  it("rejects an empty selector", () => {
    expect(scrape({ selector: {} })).toThrow(
      message(
        "selector",
        "an empty selector scrapes every object in the namespace",
        "at least one label",
        "{}",
      ),
    );
  });

  it("rejects a label key Kubernetes refuses", () => {
    expect(scrape({ selector: { "app name": "x" } })).toThrow(
      message("selector", "not a label key", "a key such as app.kubernetes.io/name", '"app name"'),
    );
  });

  it("rejects a port name Kubernetes refuses", () => {
    expect(scrape({ port: "Metrics" })).toThrow(
      message(
        "port",
        "not a port name",
        "the name of a port, such as http-metrics (at most 15 characters)",
        '"Metrics"',
      ),
    );
  });

  it("rejects a relative path", () => {
    expect(scrape({ path: "metrics" })).toThrow(
      message("path", "not an absolute path", "a path such as /metrics", '"metrics"'),
    );
  });

  it("rejects an interval that is not a duration", () => {
    expect(scrape({ interval: "often" })).toThrow(
      message("interval", "not a duration", "a duration such as 30s, 5m or 1h30m", '"often"'),
    );
  });

  it("rejects an empty namespace list", () => {
    expect(scrape({ namespaces: [] })).toThrow(
      message(
        "namespaces",
        "no namespace to look in",
        "one namespace or more, or no option for the object's own",
        "[]",
      ),
    );
  });

  it("rejects a ServiceAccount token over plain HTTP, and a server name no certificate carries", () => {
    expect(scrape({ scheme: "http", serviceAccount: { serverName: "kubernetes" } })).toThrow(
      message("scheme", "a ServiceAccount token is sent over HTTPS only", '"https", or no scheme', '"http"'),
    );
    expect(scrape({ serviceAccount: { serverName: "https://kubernetes" } })).toThrow(
      message(
        "serviceAccount.serverName",
        "not a host name",
        "the name the target's certificate carries, such as kubernetes",
        '"https://kubernetes"',
      ),
    );
  });

  it("rejects a job label Kubernetes refuses", () => {
    expect(scrape({ jobLabel: "app name" })).toThrow(
      message("jobLabel", "not a label key", "a key such as app.kubernetes.io/name", '"app name"'),
    );
  });

  it("names podScrape in its messages", () => {
    expect(() => podScrape({ ...base, name: "Grafana" })).toThrow(
      optionMessage("podScrape(Grafana)")(
        "name",
        "not a valid name",
        "a DNS label of at most 253 characters such as grafana",
        '"Grafana"',
      ),
    );
  });

  it("rejects bad option types at compile time", () => {
    // @ts-expect-error the port is a port name, not a number
    expect(scrape({ port: 9090 })).toThrow();
    // @ts-expect-error the selector is a label map
    expect(scrape({ selector: "app=grafana" })).toThrow(
      message(
        "selector",
        "not a label map",
        'labels such as { "app.kubernetes.io/name": "grafana" }',
        '"app=grafana"',
      ),
    );
    // @ts-expect-error no such scheme
    serviceScrape({ ...base, scheme: "tcp" });
    // @ts-expect-error unknown option
    serviceScrape({ ...base, endpoints: [] });
  });
});
