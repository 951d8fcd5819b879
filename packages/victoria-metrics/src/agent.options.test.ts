import { appOf, objectsOf, optionMessage } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { type VMAgentOptions, victoriaMetricsHub, vmAgent } from "./index.js";
import { APPS, agentSpec, appsSecrets, hubBase, infraHub } from "./test-support.js";

const message = optionMessage("vmagent");

describe("vmAgent options", () => {
  it("settings: the cluster label and the tenant", () => {
    // GIVEN another spoke the hub takes writes from
    const edge = { ...APPS, name: "edge", id: 5 };
    const hub = victoriaMetricsHub({ ...hubBase, spokes: [edge] }).hub;
    // WHEN its agent is built THEN it labels and writes as that cluster
    const agent = vmAgent({ settings: edge, hub, store: appsSecrets.secretStore });
    const spec = objectsOf(appOf(agent, "vmagent"), "VMAgent")[0]?.spec;
    expect(spec).toMatchObject({
      externalLabels: { cluster: "edge" },
      remoteWrite: [{ url: "http://10.25.11.72:8427/insert/5/prometheus/api/v1/write" }],
    });
  });

  it("namespace: moves the agent", () => {
    expect(
      vmAgent({ settings: APPS, store: appsSecrets.secretStore, hub: infraHub.hub, namespace: "monitoring" })
        .apps[0]?.namespace,
    ).toBe("monitoring");
  });

  it("scrapeInterval: the agent's and the kubelet scrapes'", () => {
    const agent = vmAgent({
      settings: APPS,
      store: appsSecrets.secretStore,
      hub: infraHub.hub,
      scrapeInterval: "1m",
    });
    expect(agentSpec({ scrapeInterval: "1m" })).toMatchObject({ scrapeInterval: "1m" });
    expect(
      objectsOf(appOf(agent, "vmagent"), "VMNodeScrape").map(
        (s) => (s.spec as { interval: string }).interval,
      ),
    ).toEqual(["1m", "1m"]);
  });

  it("replicas: scales the agent", () => {
    expect(agentSpec({ replicas: 2 })).toMatchObject({ replicaCount: 2 });
  });

  it("kubelet: scrapes every kubelet's metrics and cAdvisor, or not", () => {
    const scrapes = (kubelet: boolean) =>
      objectsOf(
        appOf(
          vmAgent({ settings: APPS, store: appsSecrets.secretStore, hub: infraHub.hub, kubelet }),
          "vmagent",
        ),
        "VMNodeScrape",
      );
    expect(scrapes(true)[0]).toEqual({
      apiVersion: "operator.victoriametrics.com/v1beta1",
      kind: "VMNodeScrape",
      metadata: { name: "kubelet" },
      spec: {
        bearerTokenFile: "/var/run/secrets/kubernetes.io/serviceaccount/token",
        honorLabels: true,
        interval: "30s",
        path: "/metrics",
        port: "10250",
        scheme: "https",
        tlsConfig: { insecureSkipVerify: true },
      },
    });
    expect(scrapes(true).map((s) => (s.spec as { path: string }).path)).toEqual([
      "/metrics",
      "/metrics/cadvisor",
    ]);
    expect(scrapes(false)).toEqual([]);
  });

  it("apiServer: scrapes the API server as the agent's ServiceAccount, job apiserver, or not", () => {
    // GIVEN agents with and without the API server scrape
    const scrapes = (apiServer: boolean) =>
      objectsOf(
        appOf(
          vmAgent({ settings: APPS, store: appsSecrets.secretStore, hub: infraHub.hub, apiServer }),
          "vmagent",
        ),
        "VMServiceScrape",
      );
    // THEN the scrape selects the default namespace's kubernetes Service over HTTPS, verified by the cluster CA
    expect(scrapes(true)).toEqual([
      {
        apiVersion: "operator.victoriametrics.com/v1beta1",
        kind: "VMServiceScrape",
        metadata: { name: "kube-apiserver" },
        spec: {
          endpoints: [
            {
              bearerTokenFile: "/var/run/secrets/kubernetes.io/serviceaccount/token",
              path: "/metrics",
              port: "https",
              scheme: "https",
              tlsConfig: {
                caFile: "/var/run/secrets/kubernetes.io/serviceaccount/ca.crt",
                serverName: "kubernetes",
              },
            },
          ],
          jobLabel: "component",
          namespaceSelector: { matchNames: ["default"] },
          selector: { matchLabels: { component: "apiserver", provider: "kubernetes" } },
        },
      },
    ]);
    expect(scrapes(false)).toEqual([]);
  });

  it("nodeExporter and kubeStateMetrics: each an app of the agent, or not", () => {
    // GIVEN the default agent and one without the exporters WHEN built THEN the apps follow the options
    const names = (options: Partial<VMAgentOptions>) =>
      vmAgent({ settings: APPS, store: appsSecrets.secretStore, hub: infraHub.hub, ...options }).apps.map(
        (app) => app.name,
      );
    expect(names({})).toEqual(["vmagent", "node-exporter", "kube-state-metrics"]);
    expect(names({ nodeExporter: false })).toEqual(["vmagent", "kube-state-metrics"]);
    expect(names({ kubeStateMetrics: false })).toEqual(["vmagent", "node-exporter"]);
    // AND they move with the agent's namespace
    expect(names({ namespace: "monitoring" }).length).toBe(3);
    expect(
      vmAgent({
        settings: APPS,
        store: appsSecrets.secretStore,
        hub: infraHub.hub,
        namespace: "monitoring",
      }).apps.map((app) => app.namespace),
    ).toEqual(["monitoring", "monitoring", "monitoring"]);
  });

  it("externalLabels: added beside cluster", () => {
    expect(agentSpec({ externalLabels: { region: "home" } })).toMatchObject({
      externalLabels: { cluster: "apps", region: "home" },
    });
  });
});

describe("vmAgent errors", () => {
  it("rejects overriding the cluster label", () => {
    expect(() =>
      vmAgent({
        settings: APPS,
        store: appsSecrets.secretStore,
        hub: infraHub.hub,
        externalLabels: { cluster: "x" },
      }),
    ).toThrow(
      message(
        "externalLabels",
        "the cluster label is the cluster name",
        "labels other than cluster",
        "cluster",
      ),
    );
  });

  it("rejects a scrape interval that is not a duration", () => {
    expect(() =>
      vmAgent({ settings: APPS, store: appsSecrets.secretStore, hub: infraHub.hub, scrapeInterval: "30" }),
    ).toThrow(message("scrapeInterval", "not a duration", "a duration such as 30s, 5m or 1h30m", '"30"'));
  });

  it("rejects zero replicas", () => {
    expect(() =>
      vmAgent({ settings: APPS, store: appsSecrets.secretStore, hub: infraHub.hub, replicas: 0 }),
    ).toThrow(message("replicas", "the agent needs at least one replica", "an integer ≥ 1", "0"));
  });

  it("rejects an invalid namespace", () => {
    expect(() =>
      vmAgent({
        settings: APPS,
        store: appsSecrets.secretStore,
        hub: infraHub.hub,
        namespace: "Observability",
      }),
    ).toThrow(
      message(
        "namespace",
        "not a valid name",
        "a DNS label of at most 63 characters such as observability",
        '"Observability"',
      ),
    );
  });

  it("rejects bad option types at compile time", () => {
    const store = appsSecrets.secretStore;
    const hub = infraHub.hub;
    // @ts-expect-error the hub is required (pass undefined explicitly only for an export that may be missing)
    expect(() => vmAgent({ settings: APPS, store })).toThrow();
    // @ts-expect-error a Service reference is not a hub
    expect(() => vmAgent({ settings: APPS, store, hub: infraHub.alertmanager })).toThrow();
    // @ts-expect-error a URL string is not a hub
    expect(() => vmAgent({ settings: APPS, store, hub: "http://10.25.11.72:8427" })).toThrow();
    // @ts-expect-error a vault name is not a secret store
    void (() => vmAgent({ settings: APPS, hub, store: "k8s-apps" }));
    // @ts-expect-error unknown option
    vmAgent({ settings: APPS, store, hub, remoteWriteUrl: "http://x" });
  });
});
