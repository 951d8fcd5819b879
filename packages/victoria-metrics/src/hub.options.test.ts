import { appOf, objectsOf } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { type VictoriaMetricsHubOptions, victoriaMetricsHub } from "./index.js";
import { APPS, hubBase, INFRA, secrets } from "./test-support.js";

const hub = (options: Partial<VictoriaMetricsHubOptions> = {}) =>
  victoriaMetricsHub({ ...hubBase, ...options });
const spec = (options: Partial<VictoriaMetricsHubOptions>, app: string, kind: string) =>
  objectsOf(appOf(hub(options), app), kind)[0]?.spec as Record<string, unknown>;

describe("victoriaMetricsHub options", () => {
  it("settings: the hub's cluster; VMAlert writes by tenant label whatever the hub's own id", () => {
    // GIVEN another hub cluster WHEN built THEN the export follows it
    const other = { ...INFRA, name: "core", id: 7 };
    expect(hub({ settings: other }).hub.cluster).toBe("core");
    // AND VMAlert still files each result under the tenant its series name, not under the hub's id
    expect(spec({ settings: other }, "vmalert", "VMAlert")).toMatchObject({
      remoteWrite: {
        url: "http://vminsert-hub.observability.svc.cluster.local:8480/insert/multitenant/prometheus",
      },
    });
  });

  it("storageClass: vmstorage and Alertmanager volumes use it, and the stages depend on its provider", () => {
    const fast = { ...hubBase.storageClass, name: "ceph-fast" };
    const built = hub({ storageClass: fast });
    expect(JSON.stringify(objectsOf(appOf(built, "victoria-metrics-cluster"), "VMCluster"))).toContain(
      '"storageClassName":"ceph-fast"',
    );
    expect(appOf(built, "vmalertmanager").uses).toContain(fast);
    expect(appOf(built, "victoria-metrics-cluster").uses).toEqual([fast, secrets.secretStore]);
  });

  it("address: the LoadBalancer IP of VMAuth and of the export", () => {
    const built = hub({ address: "10.25.11.80" });
    expect(built.hub.remoteWrite.url).toBe("http://10.25.11.80:8427");
    expect(spec({ address: "10.25.11.80" }, "victoria-metrics-cluster", "VMAuth")).toMatchObject({
      serviceSpec: { metadata: { annotations: { "lbipam.cilium.io/ips": "10.25.11.80" } } },
    });
  });

  it("store: the receivers' ExternalSecret reads from it and the stage waits for it", () => {
    const built = hub({
      alerting: { receivers: [{ name: "hook", type: "webhook", urlField: "URL" }] },
    });
    expect(appOf(built, "vmalertmanager").uses).toContain(secrets.secretStore);
  });

  it("name: renames every object and the Services the export names", () => {
    const built = hub({ name: "central" });
    expect(built.hub.remoteWrite.service.host).toBe("vmauth-central.observability.svc.cluster.local");
    expect(built.hub.remoteWrite.local.host).toBe("vminsert-central.observability.svc.cluster.local");
    expect(built.hub.query.local.host).toBe("vmselect-central.observability.svc.cluster.local");
    expect(built.apps.flatMap((app) => app.objects.map((o) => o.metadata?.name))).toEqual([
      "central",
      "central",
      "vmauth-apps",
      "vmagent-apps",
      "central",
      "central",
      "central",
      "central-rules",
    ]);
  });

  it("namespace: moves the stages and the Services", () => {
    const built = hub({ namespace: "monitoring" });
    expect(built.apps.map((app) => app.namespace)).toEqual(["monitoring", "monitoring", "monitoring"]);
    expect(built.hub.remoteWrite.inClusterUrl).toBe("http://vminsert-hub.monitoring.svc.cluster.local:8480");
    expect(built.hub.query.inClusterUrl).toBe("http://vmselect-hub.monitoring.svc.cluster.local:8481");
  });

  it("spokes: a VMUser per spoke, writing to its own tenant only, its password from the store", () => {
    // GIVEN the apps cluster and another spoke
    const edge = { ...APPS, name: "edge", id: 5 };
    const built = hub({ spokes: [APPS, edge] });
    const cluster = appOf(built, "victoria-metrics-cluster");
    // WHEN built THEN each spoke has a VMUser VMAuth selects, allowed on its tenant's insert path only
    type User = { metadata: { name: string; labels: Record<string, string> }; spec: unknown };
    const users = objectsOf(cluster, "VMUser") as User[];
    expect(users.map((user) => [user.metadata.name, user.metadata.labels, user.spec])).toEqual(
      [
        ["apps", 2],
        ["edge", 5],
      ].map(([name, tenant]) => [
        `vmagent-${name}`,
        { "k8s-ops.dev/vmauth": "hub" },
        {
          username: `vmagent-${name}`,
          passwordRef: { name: `vmauth-${name}-secret`, key: "password" },
          targetRefs: [
            {
              crd: { kind: "VMCluster/vminsert", name: "hub", namespace: "observability" },
              paths: [`/insert/${tenant}/.+`],
            },
          ],
        },
      ]),
    );
    // AND each password is read from the item vmauth-<cluster> of the hub's store, which the stage waits for
    const passwords = objectsOf(cluster, "ExternalSecret").map((secret) => secret.spec);
    expect(passwords[1]).toEqual({
      dataFrom: [{ extract: { key: "vmauth-edge" } }],
      secretStoreRef: { kind: "ClusterSecretStore", name: "onepassword-connect" },
      target: {
        name: "vmauth-edge-secret",
        template: { engineVersion: "v2", data: { password: "{{ .password }}" } },
      },
    });
    expect(cluster.uses).toContain(secrets.secretStore);
    // AND the export names each writer, for the spokes' agents
    expect(built.hub.writers).toEqual([
      { cluster: "apps", tenant: 2, username: "vmagent-apps", item: "vmauth-apps" },
      { cluster: "edge", tenant: 5, username: "vmagent-edge", item: "vmauth-edge" },
    ]);
  });

  it("spokes: none by default, so VMAuth lets nobody in and the stage needs no store", () => {
    // GIVEN a hub without spokes WHEN built THEN it has no VMUser, no password and no store to wait for
    const built = hub({ spokes: undefined });
    const cluster = appOf(built, "victoria-metrics-cluster");
    expect(objectsOf(cluster, "VMUser")).toEqual([]);
    expect(objectsOf(cluster, "ExternalSecret")).toEqual([]);
    expect(cluster.uses).toEqual([hubBase.storageClass]);
    expect(built.hub.writers).toEqual([]);
  });

  it("retention: how long vmstorage keeps samples", () => {
    expect(spec({ retention: "1y" }, "victoria-metrics-cluster", "VMCluster")).toMatchObject({
      retentionPeriod: "1y",
    });
  });

  it("storageSize: the vmstorage volume size", () => {
    expect(JSON.stringify(spec({ storageSize: "200Gi" }, "victoria-metrics-cluster", "VMCluster"))).toContain(
      '"storage":"200Gi"',
    );
  });

  it("replicas and replicationFactor: scale each part", () => {
    const options = { replicas: { vmstorage: 3, vmselect: 1, vminsert: 1, vmauth: 1 }, replicationFactor: 2 };
    expect(spec(options, "victoria-metrics-cluster", "VMCluster")).toMatchObject({
      replicationFactor: 2,
      vminsert: { replicaCount: 1 },
      vmselect: { replicaCount: 1 },
      vmstorage: { replicaCount: 3 },
    });
    expect(spec(options, "victoria-metrics-cluster", "VMAuth")).toMatchObject({ replicaCount: 1 });
    // AND parts not given keep their default
    expect(spec({ replicas: { vmstorage: 4 } }, "victoria-metrics-cluster", "VMCluster")).toMatchObject({
      vminsert: { replicaCount: 2 },
      vmstorage: { replicaCount: 4 },
    });
  });

  it("port: VMAuth listens on it and the export carries it", () => {
    const built = hub({ port: 8080 });
    expect(spec({ port: 8080 }, "victoria-metrics-cluster", "VMAuth")).toMatchObject({ port: "8080" });
    expect(built.hub.remoteWrite.url).toBe("http://10.25.11.72:8080");
    expect(built.hub.remoteWrite.service.port).toBe(8080);
  });
});
