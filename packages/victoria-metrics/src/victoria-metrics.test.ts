import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { componentYaml, renderComponents } from "@k8s-ops/core";
import { appOf, helmValues, readmeShows, readmeYaml } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { victoriaMetricsHub, victoriaMetricsOperator, vmAgent } from "./index.js";
import { APPS, appsSecrets, cephBlock, INFRA, kustomizations, secrets, storage } from "./test-support.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));
const TEST = fileURLToPath(import.meta.url);

describe("victoria-metrics on the hub and on a spoke", () => {
  it("renders the README example on infra: operator, hub stages and agent", async () => {
    // GIVEN the README example: the hub cluster's operator, hub and agent
    // README:start
    const operator = victoriaMetricsOperator();
    const metrics = victoriaMetricsHub({
      settings: INFRA,
      storageClass: cephBlock,
      address: "10.25.11.72",
      store: secrets.secretStore,
      spokes: [APPS],
      alerting: {
        receivers: [
          {
            name: "pushover",
            type: "pushover",
            userKeyField: "PUSHOVER_USER_KEY",
            tokenField: "PUSHOVER_TOKEN",
          },
        ],
      },
    });
    const agent = vmAgent({ settings: INFRA, hub: metrics.hub });
    // README:end
    const infra = { name: "observability", apps: [...operator.apps, ...metrics.apps, ...agent.apps] };
    // WHEN rendered with the secret store and storage it uses THEN it validates and matches the snapshot
    const yaml = componentYaml(infra, INFRA, [secrets, storage]);
    await expect(yaml).toMatchFileSnapshot("__snapshots__/victoria-metrics.default.yaml");
    // AND the README shows this example and excerpts of this render
    expect(readmeShows(README, TEST)).toBe(true);
    for (const excerpt of readmeYaml(README).split(/^ *# …\n/m)) expect(yaml).toContain(excerpt);
  });

  it("renders the README spoke: the apps cluster's agent writes to infra's export", async () => {
    // GIVEN the hub infra exports, with apps as its spoke
    const metrics = victoriaMetricsHub({
      settings: INFRA,
      storageClass: cephBlock,
      address: "10.25.11.72",
      store: secrets.secretStore,
      spokes: [APPS],
    });
    {
      // AND the apps cluster's own external-secrets component
      const secrets = appsSecrets;
      // SPOKE:start
      const operator = victoriaMetricsOperator();
      const agent = vmAgent({ settings: APPS, hub: metrics.hub, store: secrets.secretStore });
      // SPOKE:end
      // WHEN the apps cluster renders its operator and agent THEN it validates and matches the snapshot
      const apps = { name: "observability", apps: [...operator.apps, ...agent.apps] };
      const yaml = componentYaml(apps, APPS, [secrets]);
      await expect(yaml).toMatchFileSnapshot("__snapshots__/victoria-metrics.spoke.yaml");
      // AND the README shows this example and the agent's spec from this render
      expect(readmeShows(README, TEST, "SPOKE")).toBe(true);
      const spokeYaml = readFileSync(README, "utf8").split("```yaml\n")[2]?.split("```")[0] ?? "";
      expect(spokeYaml).not.toBe("");
      expect(yaml).toContain(spokeYaml);
      expect(agent.remoteWriteUrl).toBe("http://10.25.11.72:8427/insert/2/prometheus/api/v1/write");
    }
  });
});

describe("victoriaMetricsOperator", () => {
  const ks = () => renderComponents([victoriaMetricsOperator()], INFRA).files;

  it("installs the Prometheus CRDs in the CRD layer and the operator after them, both waited for", () => {
    // GIVEN the operator WHEN rendered
    const files = ks();
    const crds = kustomizations(files, "apps/observability/prometheus-operator-crds/ks.yaml").get(
      "prometheus-operator-crds",
    );
    const operator = kustomizations(files, "apps/observability/victoria-metrics/ks.yaml").get(
      "victoria-metrics-operator",
    );
    // THEN the CRDs are never pruned, and the operator starts only once they exist (its converter watches them)
    expect(crds?.spec).toMatchObject({ prune: false, wait: true });
    expect(operator?.spec.dependsOn).toEqual([
      { name: "prometheus-operator-crds", namespace: "observability" },
    ]);
    expect(operator?.spec.wait).toBe(true);
    expect(operator?.spec.path).toBe("./clusters/infra/apps/observability/victoria-metrics/app");
  });

  it("declares the CRD groups each app installs", () => {
    // GIVEN the operator WHEN built THEN objects of either group depend on the right app
    const component = victoriaMetricsOperator();
    expect(appOf(component, "prometheus-operator-crds").crds).toEqual(["monitoring.coreos.com/*"]);
    expect(appOf(component, "victoria-metrics-operator").crds).toEqual(["operator.victoriametrics.com/*"]);
    expect(component.operator).toBe(appOf(component, "victoria-metrics-operator"));
  });

  it("keeps the Prometheus converter on, deleting converted objects with their source, with plain CRDs", () => {
    // GIVEN the defaults WHEN built THEN the chart values say so
    expect(helmValues(victoriaMetricsOperator().operator)).toEqual({
      admissionWebhooks: { enabled: true, certManager: { enabled: false } },
      crds: { plain: true },
      operator: {
        disable_prometheus_converter: false,
        enable_converter_ownership: true,
        prometheus_converter_add_argocd_ignore_annotations: false,
      },
      replicaCount: 1,
      serviceMonitor: { enabled: true },
    });
  });

  it("namespace: moves both apps", () => {
    const component = victoriaMetricsOperator({ namespace: "monitoring" });
    expect(component.apps.map((app) => app.namespace)).toEqual(["monitoring", "monitoring"]);
  });

  it("replicas: scales the operator", () => {
    expect(helmValues(victoriaMetricsOperator({ replicas: 2 }).operator)).toMatchObject({ replicaCount: 2 });
  });

  it("prometheusConverter: false turns conversion off", () => {
    expect(helmValues(victoriaMetricsOperator({ prometheusConverter: false }).operator)).toMatchObject({
      operator: { disable_prometheus_converter: true, enable_converter_ownership: false },
    });
  });

  it("prometheusCrds: false leaves the CRDs to the cluster (bootstrapped or served)", () => {
    // GIVEN no CRDs app WHEN built THEN only the operator, depending on nothing
    const component = victoriaMetricsOperator({ prometheusCrds: false });
    expect(component.apps.map((app) => app.name)).toEqual(["victoria-metrics-operator"]);
    expect(component.operator.uses).toEqual([]);
  });
});
