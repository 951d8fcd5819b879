import { fileURLToPath } from "node:url";
import { componentYaml, SERVICE_MONITOR } from "@k8s-ops/core";
import { appOf, helmValues, objectsOf, readmeShows, readmeYaml } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { METRICS_SERVER_CHART, metricsServer } from "./index.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));

describe("metricsServer", () => {
  it("renders the README example", async () => {
    // GIVEN the README example
    // README:start
    const metrics = metricsServer();
    // README:end
    // WHEN it is rendered THEN the YAML validates and matches the reviewed snapshot
    const yaml = componentYaml(metrics);
    await expect(yaml).toMatchFileSnapshot("__snapshots__/metrics-server.default.yaml");
    // AND the README shows this very example and the start of its YAML
    expect(readmeShows(README, fileURLToPath(import.meta.url))).toBe(true);
    const [start = "", ...excerpts] = readmeYaml(README).split(/^ *# …\n/m);
    expect(yaml.slice(0, start.length)).toBe(start);
    for (const excerpt of excerpts) expect(yaml).toContain(excerpt);
  });

  it("pulls the chart from its OCI publication at the pinned version", () => {
    // GIVEN the default component WHEN built
    const app = appOf(metricsServer(), "metrics-server");
    // THEN the OCIRepository points at the OCI copy of the chart, tag 3.14.0
    expect(objectsOf(app, "OCIRepository")[0]).toMatchObject({
      spec: { ref: { tag: "3.14.0" }, url: "oci://ghcr.io/controlplaneio-fluxcd/charts/metrics-server" },
    });
    expect(METRICS_SERVER_CHART.url.startsWith("oci://")).toBe(true);
  });

  it("verifies kubelet certificates by default, one replica, no PDB, no ServiceMonitor", () => {
    // GIVEN the default component WHEN built
    const app = appOf(metricsServer(), "metrics-server");
    // THEN no --kubelet-insecure-tls is passed and the release lands in kube-system as a controller
    expect(app.namespace).toBe("kube-system");
    expect(app.layer).toBe("controllers");
    expect(helmValues(app)).toEqual({
      args: [],
      metrics: { enabled: false },
      podDisruptionBudget: { enabled: false },
      replicas: 1,
      serviceMonitor: { enabled: false },
    });
  });
});

describe("metricsServer options", () => {
  it("namespace: moves the release", () => {
    // GIVEN another namespace WHEN built THEN the app goes there
    expect(metricsServer({ namespace: "monitoring" }).apps[0]?.namespace).toBe("monitoring");
  });

  it("replicas: scales and keeps one replica through disruptions", () => {
    // GIVEN two replicas WHEN built THEN a PodDisruptionBudget keeps one available
    expect(helmValues(appOf(metricsServer({ replicas: 2 }), "metrics-server"))).toMatchObject({
      podDisruptionBudget: { enabled: true, minAvailable: 1 },
      replicas: 2,
    });
  });

  it("kubeletInsecureTls: skips kubelet certificate verification", () => {
    // GIVEN kubelets without CA-signed serving certificates WHEN built THEN the flag is passed
    expect(helmValues(appOf(metricsServer({ kubeletInsecureTls: true }), "metrics-server"))).toMatchObject({
      args: ["--kubelet-insecure-tls"],
    });
  });

  it("serviceMonitor: exposes metrics-server's metrics and a ServiceMonitor", () => {
    // GIVEN scraping WHEN built THEN both the metrics endpoint and the ServiceMonitor are on
    expect(helmValues(appOf(metricsServer({ serviceMonitor: true }), "metrics-server"))).toMatchObject({
      metrics: { enabled: true },
      serviceMonitor: { enabled: true },
    });
    // AND the app depends on whoever installs the ServiceMonitor CRD
    expect(appOf(metricsServer({ serviceMonitor: true }), "metrics-server").chartKinds).toEqual([
      SERVICE_MONITOR,
    ]);
  });
});

describe("metricsServer option errors", () => {
  it("rejects fewer than one replica", () => {
    // GIVEN zero replicas WHEN built THEN it throws naming the option
    expect(() => metricsServer({ replicas: 0 })).toThrow(
      [
        "OPTION metrics-server: replicas: metrics-server needs at least one replica",
        "  expected: an integer ≥ 1",
        "  found:    0",
      ].join("\n"),
    );
    expect(() => metricsServer({ replicas: 1.5 })).toThrow("found:    1.5");
  });

  it("rejects option types at compile time", () => {
    // GIVEN wrongly typed options THEN the compiler refuses them
    // @ts-expect-error kubeletInsecureTls is a boolean
    metricsServer({ kubeletInsecureTls: "true" });
    // @ts-expect-error replicas is a number
    expect(() => metricsServer({ replicas: "2" })).toThrow();
    // @ts-expect-error unknown options are refused
    metricsServer({ args: ["--kubelet-insecure-tls"] });
  });
});
