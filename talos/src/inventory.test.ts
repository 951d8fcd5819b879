import { describe, expect, it } from "vitest";
import { APPS_INVENTORY, cephNodes, INFRA_INVENTORY, inventoryNodes, NODE_GATEWAY } from "./index.js";

const ALL = [...INFRA_INVENTORY.machines, ...APPS_INVENTORY.machines];

describe("the inventory", () => {
  it("holds the six machines of the platform, each cluster's as its settings' nodes", () => {
    // GIVEN both inventories WHEN turned into settings nodes THEN they are infra .11–.13 and apps .14–.16
    expect(inventoryNodes(INFRA_INVENTORY)).toEqual([
      { name: "infra-1", address: "10.25.11.11" },
      { name: "infra-2", address: "10.25.11.12" },
      { name: "infra-3", address: "10.25.11.13" },
    ]);
    expect(inventoryNodes(APPS_INVENTORY)).toEqual([
      { name: "apps-1", address: "10.25.11.14" },
      { name: "apps-2", address: "10.25.11.15" },
      { name: "apps-3", address: "10.25.11.16" },
    ]);
    expect(ALL.every((machine) => machine.role === "controlplane")).toBe(true);
  });

  it("gives each cluster its API VIP on the node network and the shared gateway", () => {
    // GIVEN both inventories THEN the endpoints are the VIPs .10 and .20 and the gateway is .1
    expect([INFRA_INVENTORY.endpoint, APPS_INVENTORY.endpoint]).toEqual([
      "https://10.25.11.10:6443",
      "https://10.25.11.20:6443",
    ]);
    expect([INFRA_INVENTORY.gateway, APPS_INVENTORY.gateway]).toEqual([NODE_GATEWAY, NODE_GATEWAY]);
    expect(NODE_GATEWAY).toBe("10.25.11.1");
  });

  it("uses locally administered example MACs, unique across both clusters, two per machine", () => {
    // GIVEN every link of every machine THEN twelve distinct 02:… addresses
    const macs = ALL.flatMap((machine) => machine.links);
    expect(macs).toHaveLength(12);
    expect(new Set(macs).size).toBe(12);
    expect(macs.every((mac) => mac.startsWith("02:"))).toBe(true);
    expect(INFRA_INVENTORY.machines[0]?.links).toEqual(["02:0a:19:0b:0b:01", "02:0a:19:0b:0b:02"]);
  });

  it("gives Ceph disks to the infra machines only, and a local disk to every machine", () => {
    // GIVEN both inventories WHEN the Ceph nodes are asked for THEN infra's three, two by-id devices each
    expect(cephNodes(APPS_INVENTORY)).toEqual([]);
    expect(cephNodes(INFRA_INVENTORY)).toEqual(
      ["infra-1", "infra-2", "infra-3"].map((name, i) => ({
        name,
        devices: [1, 2].map((n) => `/dev/disk/by-id/nvme-Samsung_SSD_990_PRO_4TB_S7KGNJ0W0001${1 + i}${n}`),
      })),
    );
    expect(ALL.every((machine) => machine.localDisk?.minSize === "1TB")).toBe(true);
  });
});
