import { appOf, optionMessage } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { type VictoriaLogsOptions, victoriaLogs } from "./index.js";
import { base, cephBlock, INFRA } from "./test-support.js";

const logs = (options: Partial<VictoriaLogsOptions> = {}) => victoriaLogs({ ...base, ...options });
const spec = (options: Partial<VictoriaLogsOptions>) =>
  appOf(logs(options), "victoria-logs").objects[0]?.toJSON() as {
    metadata: { name: string };
    spec: Record<string, unknown>;
  };
const message = optionMessage("victoria-logs");

describe("victoriaLogs options", () => {
  it("settings: the cluster the export names", () => {
    expect(logs({ settings: { ...INFRA, name: "core" } }).hub.cluster).toBe("core");
  });

  it("storageClass: the volume's class, and the app depends on its provider", () => {
    const fast = { ...cephBlock, name: "ceph-fast" };
    expect(spec({ storageClass: fast }).spec).toMatchObject({ storage: { storageClassName: "ceph-fast" } });
    expect(appOf(logs({ storageClass: fast }), "victoria-logs").uses).toEqual([fast]);
  });

  it("address: the LoadBalancer IP and the export's host", () => {
    expect(spec({ address: "10.25.11.80" }).spec).toMatchObject({
      serviceSpec: { metadata: { annotations: { "lbipam.cilium.io/ips": "10.25.11.80" } } },
    });
    expect(logs({ address: "10.25.11.80" }).hub.insertUrl).toBe("http://10.25.11.80:9428/insert/jsonline");
  });

  it("name: the VLSingle and its Service", () => {
    expect(spec({ name: "central" }).metadata.name).toBe("central");
    expect(logs({ name: "central" }).hub.service.name).toBe("vlsingle-central");
  });

  it("namespace: moves the app and the Service", () => {
    const moved = logs({ namespace: "logging" });
    expect(moved.apps[0]?.namespace).toBe("logging");
    expect(moved.hub.service.host).toBe("vlsingle-logs.logging.svc.cluster.local");
  });

  it("retention: how long logs are kept", () => {
    expect(spec({ retention: "8w" }).spec).toMatchObject({ retentionPeriod: "8w" });
  });

  it("storageSize: the volume size", () => {
    expect(spec({ storageSize: "200Gi" }).spec).toMatchObject({
      storage: { resources: { requests: { storage: "200Gi" } } },
    });
  });

  it("port: VictoriaLogs listens on it and the export carries it", () => {
    expect(spec({ port: 9500 }).spec).toMatchObject({ port: "9500" });
    expect(logs({ port: 9500 }).hub.port).toBe(9500);
  });
});

describe("victoriaLogs errors", () => {
  it("rejects an address outside the cluster's LoadBalancer range", () => {
    expect(() => logs({ address: "10.25.11.100" })).toThrow(
      message(
        "address",
        "the address is outside the cluster's LoadBalancer range",
        "an address inside 10.25.11.64/27",
        "10.25.11.100",
      ),
    );
  });

  it.each(["10.25.11.64", "10.25.11.95"])("rejects %s, an end of the range LB IPAM reserves", (address) => {
    // GIVEN the network or broadcast address of the cluster's range WHEN built THEN it names the usable span
    expect(() => logs({ address })).toThrow(
      message(
        "address",
        "the address is the first or last of the cluster's LoadBalancer range, which LB IPAM reserves",
        "an address from 10.25.11.65 to 10.25.11.94",
        address,
      ),
    );
  });

  it("rejects an address that is not an IP", () => {
    expect(() => logs({ address: "logs.local" })).toThrow(
      message("address", "not an IP address", "an address such as 10.25.11.73", '"logs.local"'),
    );
  });

  it("rejects a retention VictoriaLogs cannot read", () => {
    expect(() => logs({ retention: "two weeks" })).toThrow(
      message(
        "retention",
        "not a retention period",
        "a period such as 30d, 12w or 1y (a bare number counts months)",
        '"two weeks"',
      ),
    );
  });

  it("rejects a storage size that is not a quantity", () => {
    expect(() => logs({ storageSize: "lots" })).toThrow(
      message("storageSize", "not a storage size", "a quantity such as 50Gi", '"lots"'),
    );
  });

  it("rejects a port out of range", () => {
    expect(() => logs({ port: 0 })).toThrow(message("port", "not a port", "an integer in 1..65535", "0"));
  });

  it("rejects an invalid name", () => {
    expect(() => logs({ name: "Logs" })).toThrow(
      message("name", "not a valid name", "a DNS label of at most 54 characters such as logs", '"Logs"'),
    );
  });

  it("rejects an invalid namespace", () => {
    expect(() => logs({ namespace: "log ging" })).toThrow(
      message(
        "namespace",
        "not a valid name",
        "a DNS label of at most 63 characters such as observability",
        '"log ging"',
      ),
    );
  });

  it("rejects bad option types at compile time", () => {
    // @ts-expect-error the storage class is a StorageClassRef, not a name
    expect(() => logs({ storageClass: "ceph-block" })).toThrow(
      message(
        "storageClass",
        "not a storage class reference",
        "the StorageClassRef a storage component exports",
        '"ceph-block"',
      ),
    );
    // @ts-expect-error the address is required
    expect(() => victoriaLogs({ settings: INFRA, storageClass: cephBlock })).toThrow();
    // @ts-expect-error the port is a number
    expect(() => logs({ port: "9428" })).toThrow(
      message("port", "not a port", "an integer in 1..65535", "9428"),
    );
    // @ts-expect-error unknown option
    logs({ replicas: 2 });
  });
});
