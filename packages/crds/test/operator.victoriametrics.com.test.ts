import { describe, expect, it } from "vitest";
import { VLSingle } from "../src/generated/operator.victoriametrics.com/v1/index.js";
import {
  VMAgent,
  VMAlert,
  VMAuth,
  VMCluster,
  VMRule,
  VMServiceScrape,
  VMUser,
} from "../src/generated/operator.victoriametrics.com/v1beta1/index.js";

const metadata = { name: "vm", namespace: "observability" };

function hub(): VMCluster {
  return new VMCluster({
    metadata,
    spec: {
      retentionPeriod: "30d",
      replicationFactor: 2,
      vmstorage: {
        replicaCount: 3,
        storage: {
          volumeClaimTemplate: {
            spec: { storageClassName: "ceph-block", resources: { requests: { storage: "50Gi" } } },
          },
        },
      },
      vmselect: { replicaCount: 2 },
      vminsert: { replicaCount: 2 },
    },
  });
}

describe("operator.victoriametrics.com/v1beta1 and v1", () => {
  it("sets apiVersion and kind and serialises without undefined fields", () => {
    // GIVEN the infra hub's VMCluster and a VLSingle (v1)
    const cluster = hub();
    const logs = new VLSingle({
      metadata,
      spec: { retentionPeriod: "14d", storage: { storageClassName: undefined } },
    });
    // THEN apiVersion/kind come from the classes and toJSON drops undefined fields
    expect(cluster.toJSON()).toMatchObject({
      apiVersion: "operator.victoriametrics.com/v1beta1",
      kind: "VMCluster",
    });
    expect(logs.toJSON()).toEqual({
      apiVersion: "operator.victoriametrics.com/v1",
      kind: "VLSingle",
      metadata,
      spec: { retentionPeriod: "14d", storage: {} },
    });
  });

  it("validates the hub, the agent, alerting, auth and scrape objects", () => {
    // GIVEN realistic objects of the hub and the spoke
    const objects = [
      hub(),
      new VMAgent({
        metadata: { name: "vmagent", namespace: "observability" },
        spec: {
          selectAllByDefault: true,
          remoteWrite: [{ url: "https://vminsert.infra.example.com/insert/2/prometheus/api/v1/write" }],
          externalLabels: { cluster: "apps" },
        },
      }),
      new VMAlert({
        metadata,
        spec: {
          datasource: { url: "http://vmselect-vm.observability.svc:8481/select/0/prometheus" },
          notifier: { url: "http://vmalertmanager-vm.observability.svc:9093" },
          evaluationInterval: "1m",
          selectAllByDefault: true,
        },
      }),
      new VMRule({
        metadata,
        spec: {
          groups: [{ name: "ceph", rules: [{ alert: "CephDown", expr: "up{job='ceph'} == 0", for: "5m" }] }],
        },
      }),
      new VMServiceScrape({
        metadata,
        spec: { selector: { matchLabels: { app: "rook-ceph-mgr" } }, endpoints: [{ port: "http-metrics" }] },
      }),
      new VMAuth({ metadata, spec: { selectAllByDefault: true } }),
      new VMUser({
        metadata,
        spec: {
          username: "apps",
          targetRefs: [{ crd: { kind: "VMCluster/vminsert", name: "vm", namespace: "observability" } }],
        },
      }),
      new VLSingle({ metadata, spec: { retentionPeriod: "14d" } }),
    ];
    // WHEN each is validated THEN none throws
    for (const object of objects) expect(() => object.validate(), object.kind).not.toThrow();
  });

  it("rejects missing required fields and bad values with ajv's messages", () => {
    // GIVEN an agent remote-write without url, a rule without groups and a log retention in words
    // @ts-expect-error url is required by the types as well
    const agent = new VMAgent({ metadata, spec: { remoteWrite: [{ sendTimeout: "1m" }] } });
    // @ts-expect-error groups is required by the types as well
    const rule = new VMRule({ metadata, spec: {} });
    const logs = new VLSingle({ metadata, spec: { retentionPeriod: "two weeks" } });
    // THEN each names the field
    expect(() => agent.validate()).toThrow("data/spec/remoteWrite/0 must have required property url");
    expect(() => rule.validate()).toThrow("data/spec must have required property groups");
    expect(() => logs.validate()).toThrow(
      'data/spec/retentionPeriod must match pattern "^[0-9]+(h|d|w|y)?$"',
    );
  });

  it("rejects a wrong field type at compile time", () => {
    // @ts-expect-error replicationFactor is a number
    const cluster = new VMCluster({ metadata, spec: { replicationFactor: "2" } });
    expect(cluster.kind).toBe("VMCluster");
  });
});
