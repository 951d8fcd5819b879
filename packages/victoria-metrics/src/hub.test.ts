import { componentYaml, defineApp, renderComponents } from "@k8s-ops/core";
import { appOf, objectsOf } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { type VictoriaMetricsHubOptions, victoriaMetricsHub, victoriaMetricsOperator } from "./index.js";
import { APPS, hubBase, INFRA, kustomizations, secrets, storage } from "./test-support.js";

const hub = (options: Partial<VictoriaMetricsHubOptions> = {}) =>
  victoriaMetricsHub({ ...hubBase, ...options });
const spec = (options: Partial<VictoriaMetricsHubOptions>, app: string, kind: string) =>
  objectsOf(appOf(hub(options), app), kind)[0]?.spec as Record<string, unknown>;

describe("victoriaMetricsHub", () => {
  it("puts every CRD object in a stage after the operator, gated on health", () => {
    // GIVEN the hub with the operator, store and storage WHEN rendered
    const files = renderComponents([secrets, storage, victoriaMetricsOperator(), hub()], INFRA).files;
    const stages = kustomizations(files, "apps/observability/victoria-metrics/ks.yaml");
    const operator = { name: "victoria-metrics-operator", namespace: "observability" };
    // THEN each stage depends on the operator by the kinds it renders, and on what it uses
    expect(stages.get("victoria-metrics-cluster")?.spec.dependsOn).toEqual([
      { name: "external-secrets", namespace: "external-secrets" },
      { name: "onepassword-connect-store", namespace: "external-secrets" },
      operator,
      { name: "rook-ceph-cluster", namespace: "rook-ceph" },
    ]);
    expect(stages.get("vmalertmanager")?.spec.dependsOn).toEqual([
      operator,
      { name: "rook-ceph-cluster", namespace: "rook-ceph" },
    ]);
    expect(stages.get("vmalert")?.spec.dependsOn).toEqual([
      { name: "victoria-metrics-cluster", namespace: "observability" },
      operator,
      { name: "vmalertmanager", namespace: "observability" },
    ]);
    expect(stages.get("victoria-metrics-cluster")?.spec).toMatchObject({
      path: "./clusters/infra/apps/observability/victoria-metrics/cluster",
      wait: true,
      healthCheckExprs: [
        {
          apiVersion: "operator.victoriametrics.com/v1beta1",
          kind: "VMCluster",
          current: "status.updateStatus == 'operational'",
          failed: "status.updateStatus == 'failed'",
        },
        {
          apiVersion: "operator.victoriametrics.com/v1beta1",
          kind: "VMAuth",
          current: "status.updateStatus == 'operational'",
          failed: "status.updateStatus == 'failed'",
        },
        {
          apiVersion: "operator.victoriametrics.com/v1beta1",
          kind: "VMUser",
          current: "status.updateStatus == 'operational'",
          failed: "status.updateStatus == 'failed'",
        },
      ],
    });
  });

  it("builds the VMCluster: vmstorage on the storage class with the retention, vmselect, vminsert", () => {
    expect(spec({}, "victoria-metrics-cluster", "VMCluster")).toEqual({
      replicationFactor: 1,
      retentionPeriod: "30d",
      vminsert: { replicaCount: 2 },
      vmselect: { replicaCount: 2 },
      vmstorage: {
        replicaCount: 2,
        storage: {
          volumeClaimTemplate: {
            spec: {
              accessModes: ["ReadWriteOnce"],
              resources: { requests: { storage: "50Gi" } },
              storageClassName: "ceph-block",
            },
          },
        },
      },
    });
  });

  it("puts VMAuth in front on a LoadBalancer IP from the pool, open to its own VMUsers only", () => {
    // GIVEN the hub WHEN built THEN VMAuth selects the VMUsers labelled with its name, and lets nobody in without one
    expect(spec({}, "victoria-metrics-cluster", "VMAuth")).toEqual({
      port: "8427",
      replicaCount: 2,
      serviceSpec: {
        metadata: { annotations: { "lbipam.cilium.io/ips": "10.25.11.72" } },
        spec: { type: "LoadBalancer" },
        useAsDefault: true,
      },
      userSelector: { matchLabels: { "k8s-ops.dev/vmauth": "hub" } },
    });
  });

  it("exports the hub: VMAuth's Service and address for other clusters, vminsert and vmselect for its own", () => {
    // GIVEN the hub WHEN built
    const { hub: exported } = hub();
    const service = (name: string, port: number) => ({
      type: "Service",
      name,
      namespace: "observability",
      port,
      host: `${name}.observability.svc.cluster.local`,
      provider: { name: "victoria-metrics-cluster", namespace: "observability", cluster: "infra" },
    });
    // THEN writes from other clusters go through VMAuth, the hub's own cluster writes and reads past it
    expect(exported.cluster).toBe("infra");
    expect(exported.remoteWrite).toEqual({
      service: service("vmauth-hub", 8427),
      address: "10.25.11.72",
      local: service("vminsert-hub", 8480),
      inClusterUrl: "http://vminsert-hub.observability.svc.cluster.local:8480",
      url: "http://10.25.11.72:8427",
    });
    expect(exported.query).toEqual({
      ...exported.remoteWrite,
      local: service("vmselect-hub", 8481),
      inClusterUrl: "http://vmselect-hub.observability.svc.cluster.local:8481",
    });
  });

  it("names the hub's cluster in its references: another cluster cannot depend on them", () => {
    // GIVEN an app of the apps cluster that declares it uses the hub's Service
    const app = defineApp({
      name: "writer",
      namespace: "observability",
      layer: "apps",
      objects: [],
      uses: [hub().hub.remoteWrite.service],
    });
    // WHEN rendered on apps THEN validation says which cluster provides it
    expect(() => componentYaml({ name: "writer", apps: [app] }, APPS)).toThrow(
      "REF_UNRESOLVED apps › observability/writer: uses Service observability/vmauth-hub, which cluster infra provides, not this one",
    );
  });

  it("runs VMAlert over every tenant, writing each result to its own tenant and notifying Alertmanager", () => {
    expect(spec({}, "vmalert", "VMAlert")).toEqual({
      datasource: {
        url: "http://vmselect-hub.observability.svc.cluster.local:8481/select/multitenant/prometheus",
      },
      evaluationInterval: "1m",
      notifiers: [{ url: "http://vmalertmanager-hub.observability.svc.cluster.local:9093" }],
      remoteRead: {
        url: "http://vmselect-hub.observability.svc.cluster.local:8481/select/multitenant/prometheus",
      },
      remoteWrite: {
        url: "http://vminsert-hub.observability.svc.cluster.local:8480/insert/multitenant/prometheus",
      },
      replicaCount: 1,
      selectAllByDefault: true,
    });
  });

  it("ships recording and alerting rules", () => {
    // GIVEN the hub WHEN built THEN its VMRule has a recording group and an alerting group
    const [rules] = objectsOf(appOf(hub(), "vmalert"), "VMRule");
    type Groups = { groups: { name: string; rules: { record?: string; alert?: string }[] }[] };
    const groups = (rules?.spec as Groups | undefined)?.groups ?? [];
    expect(groups.map((g) => [g.name, g.rules.map((r) => r.record ?? r.alert)])).toEqual([
      ["k8s-ops.recording", ["cluster_job:up:avg", "cluster:vm_rows_inserted:rate5m"]],
      [
        "k8s-ops.monitoring",
        ["Watchdog", "TargetDown", "VMStorageDiskRunningOut", "VMAgentRemoteWriteFailing"],
      ],
    ]);
  });

  it("keeps vm_account_id in every recording rule, so the multitenant write files it in its cluster's tenant", () => {
    // GIVEN the hub's rules WHEN the recording rules are read
    const [rules] = objectsOf(appOf(hub(), "vmalert"), "VMRule");
    type Groups = { groups: { rules: { record?: string; expr: string }[] }[] };
    const recorded = ((rules?.spec as Groups | undefined)?.groups ?? [])
      .flatMap((g) => g.rules)
      .filter((r) => r.record !== undefined);
    // THEN each aggregates by vm_account_id (a result without it would land in tenant 0)
    expect(recorded.length).toBeGreaterThan(0);
    for (const rule of recorded) expect(rule.expr).toMatch(/ by \(vm_account_id, /);
  });

  it("exports the Alertmanager Service", () => {
    expect(hub().alertmanager).toMatchObject({
      type: "Service",
      name: "vmalertmanager-hub",
      port: 9093,
      host: "vmalertmanager-hub.observability.svc.cluster.local",
      provider: { name: "vmalertmanager", namespace: "observability", cluster: "infra" },
    });
  });
});
