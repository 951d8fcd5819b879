import type { ClusterSettings } from "@k8s-ops/core";
import { describe, expect, it } from "vitest";
import { INFRA_INVENTORY, type TalosMachine, type TalosOptions, talosFiles } from "./index.js";
import { platformSettings } from "./test-support.js";

const settings = platformSettings("infra");

function machines(change: (machine: TalosMachine, index: number) => TalosMachine): TalosMachine[] {
  return INFRA_INVENTORY.machines.map(change);
}

function render(options: Partial<TalosOptions>, s: ClusterSettings = settings) {
  return () => talosFiles(s, { ...INFRA_INVENTORY, ...options });
}

function message(path: string, text: string, expected: string, found: string): string {
  return [`OPTION talos: ${path}: ${text}`, `  expected: ${expected}`, `  found:    ${found}`].join("\n");
}

describe("talos option errors", () => {
  it("rejects a MAC address given to two links", () => {
    // GIVEN infra-3 reusing infra-1's first MAC WHEN rendered THEN it names the MAC and both machines
    const bad = machines((m, i) =>
      i === 2 ? { ...m, links: ["02:0a:19:0b:0b:01", "02:0a:19:0b:0d:02"] } : m,
    );
    expect(render({ machines: bad })).toThrow(
      message(
        "machines[2].links",
        "a MAC address is used by two links",
        "each link's MAC address once in the cluster",
        "02:0a:19:0b:0b:01 (infra-1 and infra-3)",
      ),
    );
  });

  it("rejects an address outside the node network", () => {
    // GIVEN infra-2 on another network WHEN rendered THEN it names the address and the network
    const bad = machines((m, i) => (i === 1 ? { ...m, address: "10.25.12.12" } : m));
    expect(render({ machines: bad })).toThrow(
      message(
        "machines[1].address",
        "the machine's address is outside the node network",
        "an address inside 10.25.11.0/24",
        "10.25.12.12",
      ),
    );
  });

  it("rejects two machines with one address, and two with one name", () => {
    // GIVEN infra-3 on infra-1's address WHEN rendered THEN it names both machines
    const sameAddress = machines((m, i) => (i === 2 ? { ...m, address: "10.25.11.11" } : m));
    expect(render({ machines: sameAddress })).toThrow(
      message(
        "machines[2].address",
        "two machines share an address",
        "a different address per machine",
        "10.25.11.11 (infra-1 and infra-3)",
      ),
    );
    // GIVEN infra-3 named infra-1 WHEN rendered THEN it names the name
    const sameName = machines((m, i) => (i === 2 ? { ...m, name: "infra-1" } : m));
    expect(render({ machines: sameName })).toThrow(
      message("machines[2].name", "two machines share a name", "a different name per machine", "infra-1"),
    );
  });

  it("rejects an even number of control-plane machines", () => {
    // GIVEN two control-plane machines and a worker WHEN rendered THEN it counts them
    const bad = machines((m, i) => (i === 2 ? { ...m, role: "worker" } : m));
    expect(render({ machines: bad })).toThrow(
      message(
        "machines",
        "the number of control-plane machines is not odd",
        "an odd number of control-plane machines (1, 3, 5, …) so etcd keeps its quorum",
        "2",
      ),
    );
  });

  it("rejects a MAC address that is not six lower-case hex pairs", () => {
    // GIVEN an upper-case MAC (Talos compares them lower-case) WHEN rendered THEN it is refused
    const bad = machines((m, i) =>
      i === 0 ? { ...m, links: ["02:0A:19:0B:0B:01", "02:0a:19:0b:0b:02"] } : m,
    );
    expect(render({ machines: bad })).toThrow(
      message(
        "machines[0].links",
        "not a MAC address",
        "six lower-case hex pairs separated by colons, e.g. 02:0a:19:0b:0b:01",
        "02:0A:19:0B:0B:01",
      ),
    );
  });

  it("rejects a data disk given two uses", () => {
    // GIVEN infra-1's local disk also listed as an OSD WHEN rendered THEN the disk is named
    const local = INFRA_INVENTORY.machines[0]?.localDisk?.id ?? "";
    const bad = machines((m, i) => (i === 0 ? { ...m, cephDisks: [local] } : m));
    expect(render({ machines: bad })).toThrow(
      message(
        "machines[0].cephDisks",
        "a disk is given two uses",
        "each data disk once: a Ceph OSD or the local volume",
        local,
      ),
    );
  });

  it("rejects machines that are not the settings' nodes", () => {
    // GIVEN settings with a node the inventory does not have WHEN rendered THEN both lists are shown
    const other = platformSettings("infra", { nodes: [{ name: "infra-9", address: "10.25.11.19" }] });
    expect(render({}, other)).toThrow(
      message(
        "machines",
        "the machines are not the nodes of the cluster settings",
        "the machines of settings.nodes: infra-9=10.25.11.19",
        "infra-1=10.25.11.11, infra-2=10.25.11.12, infra-3=10.25.11.13",
      ),
    );
  });

  it("rejects a VIP that is a machine's address, and a gateway outside the node network", () => {
    // GIVEN the endpoint on infra-1's address WHEN rendered THEN it is refused
    expect(render({ endpoint: "https://10.25.11.11:6443" })).toThrow(
      message(
        "endpoint",
        "the endpoint's virtual IP is a machine's address",
        "an address no machine has",
        "10.25.11.11 (infra-1)",
      ),
    );
    // GIVEN a gateway on another network WHEN rendered THEN it is refused
    expect(render({ gateway: "192.168.1.1" })).toThrow(
      message(
        "gateway",
        "the gateway is outside the node network",
        "an address inside 10.25.11.0/24",
        "192.168.1.1",
      ),
    );
  });

  it("rejects an endpoint that is not https, a bad schematic and an MTU out of range", () => {
    // GIVEN each bad option WHEN rendered THEN each is refused with what was expected
    expect(render({ endpoint: "http://10.25.11.10:6443" })).toThrow(
      message(
        "endpoint",
        "not a Kubernetes API endpoint",
        "https://<host>[:port], e.g. https://10.25.11.10:6443",
        "http://10.25.11.10:6443",
      ),
    );
    expect(render({ schematic: "vanilla" })).toThrow(
      message("schematic", "not an Image Factory schematic id", "64 lower-case hex digits", "vanilla"),
    );
    expect(render({ mtu: 65000 })).toThrow(
      message("mtu", "the MTU is out of range", "an integer from 1280 to 9216", "65000"),
    );
  });

  it("rejects a Talos version older than 1.13", () => {
    // GIVEN settings pinned to Talos 1.12 WHEN rendered THEN the version is refused
    expect(render({}, platformSettings("infra", { talosVersion: "v1.12.6" }))).toThrow(
      message(
        "settings.talosVersion",
        "the Talos version is not supported",
        "a release v1.13.0 or later in the v1 line (the configuration uses Talos 1.13 documents)",
        "v1.12.6",
      ),
    );
  });

  it("rejects option types at compile time", () => {
    // GIVEN wrongly typed options THEN the compiler refuses them
    const [first] = INFRA_INVENTORY.machines;
    if (first === undefined) throw new Error("no machine");
    // @ts-expect-error a bond needs at least two links
    const oneLink: TalosMachine = { ...first, links: ["02:0a:19:0b:0b:01"] };
    // @ts-expect-error the role is a Talos machine type
    const master: TalosMachine = { ...first, role: "master" };
    // @ts-expect-error an install disk is a serial, a model or a path
    const byName: TalosMachine = { ...first, installDisk: { name: "sda" } };
    // @ts-expect-error unknown options are refused
    const unknown: TalosOptions = { ...INFRA_INVENTORY, vipInterface: "eth0" };
    expect([oneLink, master, byName, unknown]).toHaveLength(4);
  });
});
