import { OptionError } from "@k8s-ops/core";
import { describe, expect, it } from "vitest";
import { rookCeph, rookCephExport, rookCephExternal } from "./index.js";
import { base, externalMessage, gateways, message, nodes, secrets } from "./test-support.js";

const NAME_RULE = "a lowercase RFC 1123 name such as ceph-blockpool";

describe("rookCeph rejects invalid options", () => {
  it("fewer than three storage nodes", () => {
    const build = () => rookCeph({ ...base, nodes: nodes.slice(0, 2) });
    expect(build).toThrow(OptionError);
    expect(build).toThrow(
      message(
        "nodes",
        "three mons need at least three storage nodes",
        "3 or more nodes, one mon on each",
        '["node-1","node-2"]',
      ),
    );
  });

  it("a node without devices", () => {
    const bare = nodes.map((node, i) => (i === 1 ? { ...node, devices: [] } : node));
    expect(() => rookCeph({ ...base, nodes: bare })).toThrow(
      message(
        "nodes.1.devices",
        "node node-2 has no OSD devices",
        "at least one device, e.g. /dev/disk/by-id/nvme-…",
        "[]",
      ),
    );
  });

  it("a device listed twice on a node", () => {
    const device = "/dev/disk/by-id/nvme-Samsung_SSD_990_PRO_4TB_S7KGNJ0W000111";
    const twice = nodes.map((node, i) => (i === 0 ? { ...node, devices: [device, device] } : node));
    expect(() => rookCeph({ ...base, nodes: twice })).toThrow(
      message(
        "nodes.0.devices",
        "a device is listed twice on node node-1",
        "each device once",
        JSON.stringify(device),
      ),
    );
  });

  it("a device that is neither a path nor a kernel name", () => {
    const bad = nodes.map((node, i) => (i === 2 ? { ...node, devices: ["/dev/disk/by-id/a b"] } : node));
    expect(() => rookCeph({ ...base, nodes: bad })).toThrow(
      message(
        "nodes.2.devices",
        "not a device path or name",
        "a path such as /dev/disk/by-id/nvme-… or a kernel name such as nvme1n1",
        '"/dev/disk/by-id/a b"',
      ),
    );
  });

  it("a node the cluster does not have, or one listed twice", () => {
    const stranger = [...nodes.slice(0, 2), { name: "node-9", devices: ["nvme1n1"] }];
    expect(() => rookCeph({ ...base, nodes: stranger })).toThrow(
      message("nodes.2.name", "not a node of cluster infra", "one of node-1, node-2, node-3", '"node-9"'),
    );
    const twice = [...nodes, { name: "node-1", devices: ["nvme2n1"] }];
    expect(() => rookCeph({ ...base, nodes: twice })).toThrow(
      message("nodes.3.name", "the node is listed twice", "each storage node once", '"node-1"'),
    );
  });

  it("an empty or invalid pool, filesystem or object store name", () => {
    expect(() => rookCeph({ ...base, blockPool: "" })).toThrow(
      message("blockPool", "the pool name is empty", NAME_RULE, '""'),
    );
    expect(() => rookCeph({ ...base, filesystem: "Shared_FS" })).toThrow(
      message("filesystem", "not a valid filesystem name", NAME_RULE, '"Shared_FS"'),
    );
    expect(() => rookCeph({ ...base, objectStore: "" })).toThrow(
      message("objectStore", "the object store name is empty", NAME_RULE, '""'),
    );
  });

  it("more replicas than storage nodes", () => {
    expect(() => rookCeph({ ...base, replicas: 4 })).toThrow(
      message(
        "replicas",
        "the replica count does not fit the storage nodes",
        "an integer in 1..3 (one copy per node)",
        "4",
      ),
    );
  });

  it("a dashboard host name that is not one, an empty item, an RGW endpoint that is not a URL", () => {
    const dashboard = { gateway: gateways.gateways.internal, hostname: "https://ceph" };
    expect(() => rookCeph({ ...base, dashboard })).toThrow(
      message(
        "dashboard.hostname",
        "not a host name",
        "a name such as ceph.example.com or ceph.${SECRET_DOMAIN}",
        '"https://ceph"',
      ),
    );
    expect(() => rookCeph({ ...base, connectionItem: " " })).toThrow(
      message(
        "connectionItem",
        "the 1Password item name is empty",
        "the item holding the external-cluster connection secrets",
        '""',
      ),
    );
    expect(() => rookCephExport({ ...base, rgwEndpoint: "s3.example.com" })).toThrow(
      message("rgwEndpoint", "not an HTTP URL", "a URL such as http://s3.example.com", '"s3.example.com"'),
    );
  });

  it("rejects bad option types at compile time", () => {
    // @ts-expect-error the nodes are required
    expect(() => rookCeph({ settings: base.settings })).toThrow();
    // @ts-expect-error devices are a list
    expect(() => rookCeph({ ...base, nodes: [{ name: "node-1", devices: "nvme1n1" }] })).toThrow();
    // @ts-expect-error unknown option
    rookCeph({ ...base, pools: ["ceph-blockpool"] });
    const byName = { gateway: "envoy-internal", hostname: "ceph.example.com" };
    // @ts-expect-error the dashboard takes a gateway reference, not a name
    expect(() => rookCeph({ ...base, dashboard: byName })).toThrow();
  });
});

describe("rookCephExternal rejects an unusable export", () => {
  const source = rookCeph(base).external;
  const store = secrets.secretStore;

  it("an export missing mon endpoints", () => {
    const build = () => rookCephExternal({ source: { ...source, monEndpoints: [] }, store });
    expect(build).toThrow(OptionError);
    expect(build).toThrow(
      externalMessage(
        "source.monEndpoints",
        "the export lists no mon endpoints",
        "the provider's mons, as rookCeph(…).external lists them",
        "[]",
      ),
    );
  });

  it("a mon endpoint without an address or with a bad port", () => {
    const monEndpoints = [{ name: "node-1", address: "", port: 6789 }];
    expect(() => rookCephExternal({ source: { ...source, monEndpoints }, store })).toThrow(
      externalMessage(
        "source.monEndpoints.0",
        "not a mon endpoint",
        "a name, a node address and port 3300 or 6789",
        '{"name":"node-1","address":"","port":6789}',
      ),
    );
  });

  it("an export with an empty pool or filesystem name, or no item", () => {
    expect(() => rookCephExternal({ source: { ...source, blockPool: "" }, store })).toThrow(
      externalMessage("source.blockPool", "the pool name is empty", NAME_RULE, '""'),
    );
    expect(() =>
      rookCephExternal({ source: { ...source, filesystem: { name: "", dataPool: "x-data0" } }, store }),
    ).toThrow(externalMessage("source.filesystem.name", "the filesystem name is empty", NAME_RULE, '""'));
    expect(() => rookCephExternal({ source: { ...source, connectionItem: "" }, store })).toThrow(
      externalMessage(
        "source.connectionItem",
        "the 1Password item name is empty",
        "the item holding the external-cluster connection secrets",
        '""',
      ),
    );
  });

  it("rejects bad option types at compile time", () => {
    // @ts-expect-error the store is required
    expect(() => rookCephExternal({ source })).toThrow();
    // @ts-expect-error the source is an export, not a component
    expect(() => rookCephExternal({ source: rookCeph(base), store })).toThrow();
    // @ts-expect-error unknown option
    rookCephExternal({ source, store, namespace: "storage" });
  });
});
