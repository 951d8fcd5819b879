import { componentYaml, renderComponents } from "@k8s-ops/core";
import { appOf, objectsOf, optionMessage } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import {
  type MetricsHub,
  queryUrl,
  remoteWriteUrl,
  victoriaMetricsHub,
  victoriaMetricsOperator,
  vmAgent,
} from "./index.js";
import {
  APPS,
  agentSpec,
  appsSecrets,
  hubBase,
  INFRA,
  infraHub,
  kustomizations,
  secrets,
  storage,
} from "./test-support.js";

const message = optionMessage("vmagent");

describe("vmAgent on the hub's cluster", () => {
  it("writes to vminsert directly, past VMAuth, in its own tenant and waits for the hub", () => {
    // GIVEN infra's agent on infra's hub WHEN rendered with the hub
    const agent = vmAgent({ settings: INFRA, hub: infraHub.hub });
    const files = renderComponents(
      [secrets, storage, victoriaMetricsOperator(), infraHub, agent],
      INFRA,
    ).files;
    // THEN it writes in-cluster to tenant 1 without credentials and depends on the cluster stage
    expect(agent.remoteWriteUrl).toBe(
      "http://vminsert-hub.observability.svc.cluster.local:8480/insert/1/prometheus/api/v1/write",
    );
    expect(objectsOf(appOf(agent, "vmagent"), "VMAgent")[0]?.spec).toMatchObject({
      remoteWrite: [{ url: agent.remoteWriteUrl }],
    });
    expect(objectsOf(appOf(agent, "vmagent"), "ExternalSecret")).toEqual([]);
    expect(
      kustomizations(files, "apps/observability/victoria-metrics/ks.yaml").get("vmagent")?.spec.dependsOn,
    ).toEqual([
      { name: "victoria-metrics-cluster", namespace: "observability" },
      { name: "victoria-metrics-operator", namespace: "observability" },
    ]);
  });

  it("fails the render with REF_UNRESOLVED when the cluster does not run the hub it points at", () => {
    // GIVEN infra's agent pointing at infra's hub, but the hub left out of the cluster
    const agent = vmAgent({ settings: INFRA, hub: infraHub.hub });
    // WHEN rendered THEN validation names the missing hub app
    expect(() => componentYaml(agent, INFRA, [victoriaMetricsOperator()])).toThrow(
      "REF_UNRESOLVED infra › observability/vmagent: uses Service observability/vminsert-hub, which no app of this cluster provides here",
    );
  });
});

describe("vmAgent on a spoke", () => {
  it("writes to the hub's LoadBalancer address, in the spoke's own tenant, labelled with its cluster", () => {
    // GIVEN the apps cluster's agent on infra's export WHEN built
    expect(agentSpec()).toEqual({
      externalLabels: { cluster: "apps" },
      remoteWrite: [
        {
          url: "http://10.25.11.72:8427/insert/2/prometheus/api/v1/write",
          basicAuth: {
            username: { name: "vmagent-remote-write-secret", key: "username" },
            password: { name: "vmagent-remote-write-secret", key: "password" },
          },
        },
      ],
      replicaCount: 1,
      scrapeInterval: "30s",
      selectAllByDefault: true,
    });
    // AND it depends on nothing of the hub's cluster, only on its own store (and the operator, by kind)
    const app = appOf(
      vmAgent({ settings: APPS, store: appsSecrets.secretStore, hub: infraHub.hub }),
      "vmagent",
    );
    expect(app.uses).toEqual([appsSecrets.secretStore]);
  });

  it("authenticates as the writer the hub exports for it, with the password of the same item in its vault", () => {
    // GIVEN the apps cluster's agent WHEN built
    const app = appOf(
      vmAgent({ settings: APPS, store: appsSecrets.secretStore, hub: infraHub.hub }),
      "vmagent",
    );
    // THEN its Secret holds the VMUser's username and the item's password
    const [writer] = infraHub.hub.writers;
    expect(writer?.username).toBe("vmagent-apps");
    expect(objectsOf(app, "ExternalSecret")[0]?.spec).toEqual({
      dataFrom: [{ extract: { key: "vmauth-apps" } }],
      secretStoreRef: { kind: "ClusterSecretStore", name: "onepassword-connect" },
      target: {
        name: "vmagent-remote-write-secret",
        template: { engineVersion: "v2", data: { username: writer?.username, password: "{{ .password }}" } },
      },
    });
  });

  it("carries the hub's Service as a cross-cluster reference, for the checks to resolve on infra", () => {
    // GIVEN the apps cluster's agent on infra's export WHEN built
    const agent = vmAgent({ settings: APPS, store: appsSecrets.secretStore, hub: infraHub.hub });
    // THEN it names VMAuth's Service, provided by infra's cluster stage, in cluster infra
    expect(agent.hub).toEqual(infraHub.hub.remoteWrite.service);
    expect(agent.hub).toMatchObject({
      type: "Service",
      name: "vmauth-hub",
      namespace: "observability",
      provider: { name: "victoria-metrics-cluster", namespace: "observability", cluster: "infra" },
    });
  });

  it("deploys node-exporter and kube-state-metrics, each scraped through its chart's Service", () => {
    // GIVEN the apps cluster's agent WHEN rendered with the operator
    const files = renderComponents(
      [
        victoriaMetricsOperator(),
        vmAgent({ settings: APPS, store: appsSecrets.secretStore, hub: infraHub.hub }),
      ],
      APPS,
    ).files;
    const scrape = (dir: string) =>
      parse(files.get(`apps/observability/victoria-metrics/${dir}/vmservicescrape.yaml`) ?? "");
    // THEN each scrape selects its chart's Service on the port the chart names
    expect(scrape("node-exporter").spec).toEqual({
      endpoints: [{ path: "/metrics", port: "metrics" }],
      selector: {
        matchLabels: {
          "app.kubernetes.io/instance": "node-exporter",
          "app.kubernetes.io/name": "prometheus-node-exporter",
        },
      },
    });
    expect(scrape("kube-state-metrics").spec).toEqual({
      endpoints: [{ honorLabels: true, path: "/metrics", port: "http" }],
      selector: {
        matchLabels: {
          "app.kubernetes.io/instance": "kube-state-metrics",
          "app.kubernetes.io/name": "kube-state-metrics",
        },
      },
    });
    // AND both come after the operator, whose CRD their scrape uses
    const ks = kustomizations(files, "apps/observability/victoria-metrics/ks.yaml");
    for (const name of ["node-exporter", "kube-state-metrics"])
      expect(ks.get(name)?.spec.dependsOn).toEqual([
        { name: "victoria-metrics-operator", namespace: "observability" },
      ]);
    // AND node-exporter's host access makes the namespace privileged
    expect(files.get("apps/observability/namespace.yaml")).toContain(
      "pod-security.kubernetes.io/enforce: privileged",
    );
  });

  it("follows the hub's export: a changed port or address on infra changes the apps render", () => {
    // GIVEN infra's hub with another VMAuth port and address
    const moved = victoriaMetricsHub({ ...hubBase, port: 9427, address: "10.25.11.90" });
    // WHEN the apps cluster renders its agent on the new export
    const before = componentYaml(
      vmAgent({ settings: APPS, store: appsSecrets.secretStore, hub: infraHub.hub }),
      APPS,
      [victoriaMetricsOperator(), appsSecrets],
    );
    const after = componentYaml(
      vmAgent({ settings: APPS, store: appsSecrets.secretStore, hub: moved.hub }),
      APPS,
      [victoriaMetricsOperator(), appsSecrets],
    );
    // THEN the remote-write URL in the apps tree follows
    expect(before).toContain("url: http://10.25.11.72:8427/insert/2/prometheus/api/v1/write");
    expect(after).toContain("url: http://10.25.11.90:9427/insert/2/prometheus/api/v1/write");
  });

  it("follows a renamed hub on the hub's own cluster (its Service name)", () => {
    // GIVEN infra's hub renamed WHEN infra's own agent is built THEN it writes to the renamed Service
    const renamed = victoriaMetricsHub({ ...hubBase, name: "central" });
    expect(vmAgent({ settings: INFRA, hub: renamed.hub }).remoteWriteUrl).toBe(
      "http://vminsert-central.observability.svc.cluster.local:8480/insert/1/prometheus/api/v1/write",
    );
  });

  it("rejects a hub the hub cluster does not export", () => {
    // GIVEN what a cluster without a VMCluster exports: no hub
    const exports: { metrics?: MetricsHub } = {};
    // WHEN the spoke points at it THEN an OptionError says so
    expect(() => vmAgent({ settings: APPS, store: appsSecrets.secretStore, hub: exports.metrics })).toThrow(
      message(
        "hub",
        "the hub cluster exports no metrics hub: it runs no VMCluster",
        "the hub of a cluster running victoriaMetricsHub()",
        "undefined",
      ),
    );
  });

  it("rejects a spoke the hub takes no writes from", () => {
    // GIVEN a hub without spokes WHEN the apps cluster's agent writes to it THEN it names the missing writer
    const closed = victoriaMetricsHub({ ...hubBase, spokes: [] });
    expect(() => vmAgent({ settings: APPS, store: appsSecrets.secretStore, hub: closed.hub })).toThrow(
      message(
        "hub",
        "the hub takes no writes from cluster apps: VMAuth has no user for it",
        "a hub whose spokes include apps",
        "spokes []",
      ),
    );
  });

  it("rejects a spoke whose id is not the tenant the hub lets it write to", () => {
    // GIVEN the apps cluster renumbered after the hub was built WHEN its agent is built THEN the tenants disagree
    expect(() =>
      vmAgent({ settings: { ...APPS, id: 7 }, store: appsSecrets.secretStore, hub: infraHub.hub }),
    ).toThrow(message("settings.id", "the hub lets cluster apps write to tenant 2 only", "2", "7"));
  });

  it("rejects a spoke's agent without a secret store for its password", () => {
    expect(() => vmAgent({ settings: APPS, hub: infraHub.hub })).toThrow(
      message(
        "store",
        "a spoke's agent reads its password to the hub from the cluster's secret store",
        "the store of a vault holding the item vmauth-apps",
        "undefined",
      ),
    );
  });

  it("rejects a hub whose address lies in the spoke's own LoadBalancer range", () => {
    // GIVEN a hub export whose address was taken from the wrong cluster's pool
    const wrong: MetricsHub = {
      ...infraHub.hub,
      remoteWrite: { ...infraHub.hub.remoteWrite, address: "10.25.11.100" },
    };
    expect(() => vmAgent({ settings: APPS, store: appsSecrets.secretStore, hub: wrong })).toThrow(
      message(
        "hub",
        "the hub's address is in this cluster's own LoadBalancer range, not cluster infra's",
        "an address outside 10.25.11.96/27",
        "10.25.11.100",
      ),
    );
  });
});

describe("hub URLs", () => {
  it("remoteWriteUrl: vminsert on the hub's cluster, VMAuth's LoadBalancer elsewhere, per tenant", () => {
    expect(remoteWriteUrl(infraHub.hub, INFRA)).toBe(
      "http://vminsert-hub.observability.svc.cluster.local:8480/insert/1/prometheus/api/v1/write",
    );
    expect(remoteWriteUrl(infraHub.hub, APPS)).toBe(
      "http://10.25.11.72:8427/insert/2/prometheus/api/v1/write",
    );
  });

  it("queryUrl: vmselect on the hub's cluster, per tenant or all of them", () => {
    expect(queryUrl(infraHub.hub, INFRA)).toBe(
      "http://vmselect-hub.observability.svc.cluster.local:8481/select/1/prometheus",
    );
    expect(queryUrl(infraHub.hub, INFRA, "multitenant")).toBe(
      "http://vmselect-hub.observability.svc.cluster.local:8481/select/multitenant/prometheus",
    );
  });

  it("queryUrl: rejects another cluster, which VMAuth lets write but not read", () => {
    expect(() => queryUrl(infraHub.hub, APPS)).toThrow(
      optionMessage("queryUrl")(
        "from",
        "VMAuth takes the other clusters' writes only: the hub is read in its own cluster",
        "the hub's cluster (infra)",
        "apps",
      ),
    );
  });
});
