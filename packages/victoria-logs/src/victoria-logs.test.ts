import { fileURLToPath } from "node:url";
import { componentYaml, renderComponents } from "@k8s-ops/core";
import { appOf, objectsOf, readmeShows, readmeYaml } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { type LogsHub, logsInsert, type VictoriaLogsOptions, victoriaLogs } from "./index.js";
import { APPS, alongside, base, cephBlock, INFRA } from "./test-support.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));
const TEST = fileURLToPath(import.meta.url);
const spec = (options: Partial<VictoriaLogsOptions> = {}) =>
  objectsOf(appOf(victoriaLogs({ ...base, ...options }), "victoria-logs"), "VLSingle")[0]?.spec as Record<
    string,
    unknown
  >;

describe("victoriaLogs", () => {
  it("renders the README example", async () => {
    // GIVEN the README example: VictoriaLogs on infra, and the apps cluster's view of it
    // README:start
    const logs = victoriaLogs({ settings: INFRA, storageClass: cephBlock, address: "10.25.11.73" });
    const fromApps = logsInsert(logs.hub, APPS);
    // README:end
    // WHEN rendered beside the operator and the storage THEN it validates and matches the snapshot
    const yaml = componentYaml(logs, INFRA, alongside);
    await expect(yaml).toMatchFileSnapshot("__snapshots__/victoria-logs.default.yaml");
    expect(readmeShows(README, TEST)).toBe(true);
    for (const excerpt of readmeYaml(README).split(/^ *# …\n/m)) expect(yaml).toContain(excerpt);
    expect(fromApps.url).toBe("http://10.25.11.73:9428/insert/jsonline");
  });

  it("comes after the operator (its kind) and the storage class provider, health-checked", () => {
    // GIVEN VictoriaLogs WHEN rendered
    const files = renderComponents([...alongside, victoriaLogs(base)], INFRA).files;
    const [ks] = parseAllDocuments(files.get("apps/observability/victoria-logs/ks.yaml") ?? "").map(
      (doc) => doc.toJS() as { spec: Record<string, unknown> },
    );
    // THEN it depends on both and Flux waits until the operator reports it operational
    expect(ks?.spec).toMatchObject({
      dependsOn: [
        { name: "victoria-metrics-operator", namespace: "observability" },
        { name: "rook-ceph-cluster", namespace: "rook-ceph" },
      ],
      healthCheckExprs: [
        {
          apiVersion: "operator.victoriametrics.com/v1",
          kind: "VLSingle",
          current: "status.updateStatus == 'operational'",
          failed: "status.updateStatus == 'failed'",
        },
      ],
      wait: true,
    });
  });

  it("builds the VLSingle: retention, a volume of the storage class, a LoadBalancer IP", () => {
    expect(spec()).toEqual({
      port: "9428",
      retentionPeriod: "14d",
      serviceSpec: {
        metadata: { annotations: { "lbipam.cilium.io/ips": "10.25.11.73" } },
        spec: { type: "LoadBalancer" },
        useAsDefault: true,
      },
      storage: {
        accessModes: ["ReadWriteOnce"],
        resources: { requests: { storage: "50Gi" } },
        storageClassName: "ceph-block",
      },
    });
  });

  it("exports the logs hub: the Service in the cluster, the LoadBalancer address for the others", () => {
    expect(victoriaLogs(base).hub).toEqual({
      cluster: "infra",
      service: {
        type: "Service",
        name: "vlsingle-logs",
        namespace: "observability",
        port: 9428,
        host: "vlsingle-logs.observability.svc.cluster.local",
        provider: { name: "victoria-logs", namespace: "observability", cluster: "infra" },
      },
      address: "10.25.11.73",
      host: "10.25.11.73",
      port: 9428,
      path: "/insert/jsonline",
      insertUrl: "http://10.25.11.73:9428/insert/jsonline",
      inClusterUrl: "http://vlsingle-logs.observability.svc.cluster.local:9428",
    });
  });
});

describe("logsInsert", () => {
  const { hub } = victoriaLogs(base);

  it("from another cluster: the LoadBalancer address, the cluster's own tenant", () => {
    expect(logsInsert(hub, APPS)).toEqual({
      cluster: "infra",
      service: hub.service,
      host: "10.25.11.73",
      port: 9428,
      path: "/insert/jsonline",
      url: "http://10.25.11.73:9428/insert/jsonline",
      tenant: 2,
      headers: { AccountID: "2", ProjectID: "0" },
    });
  });

  it("carries VictoriaLogs' Service, named in the hub's cluster, for the shipper to reference", () => {
    // GIVEN the apps cluster's insert WHEN read THEN its service is infra's VictoriaLogs app, in cluster infra
    expect(logsInsert(hub, APPS).service).toMatchObject({
      type: "Service",
      name: "vlsingle-logs",
      namespace: "observability",
      provider: { name: "victoria-logs", namespace: "observability", cluster: "infra" },
    });
  });

  it("from the hub's cluster: the Service, tenant of the hub cluster", () => {
    expect(logsInsert(hub, INFRA)).toMatchObject({
      host: "vlsingle-logs.observability.svc.cluster.local",
      url: "http://vlsingle-logs.observability.svc.cluster.local:9428/insert/jsonline",
      headers: { AccountID: "1", ProjectID: "0" },
    });
  });

  it("follows the hub's export: a changed port or name changes what the spoke gets", () => {
    // GIVEN VictoriaLogs on another port, renamed WHEN each cluster asks where to ship THEN both follow
    const moved = victoriaLogs({ ...base, port: 9500, name: "central" }).hub;
    expect(logsInsert(moved, APPS).url).toBe("http://10.25.11.73:9500/insert/jsonline");
    expect(logsInsert(moved, INFRA).host).toBe("vlsingle-central.observability.svc.cluster.local");
  });

  it("rejects a hub the hub cluster does not export", () => {
    const exports: { logs?: LogsHub } = {};
    expect(() => logsInsert(exports.logs, APPS)).toThrow(
      "OPTION logsInsert: hub: the hub cluster exports no logs hub: it runs no VictoriaLogs\n" +
        "  expected: the hub of a cluster running victoriaLogs()\n  found:    undefined",
    );
  });

  it("rejects a hub whose address lies in the asking cluster's own LoadBalancer range", () => {
    expect(() => logsInsert({ ...hub, address: "10.25.11.100" }, APPS)).toThrow(
      "OPTION logsInsert: hub: the hub's address is in this cluster's own LoadBalancer range, not cluster infra's\n" +
        "  expected: an address outside 10.25.11.96/27\n  found:    10.25.11.100",
    );
  });
});
