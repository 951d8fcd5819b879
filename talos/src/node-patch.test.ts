import { describe, expect, it } from "vitest";
import { INFRA_INVENTORY, OPENEBS_HOSTPATH, talosFiles } from "./index.js";
import { fileDocuments, platformSettings } from "./test-support.js";

describe("talosFiles per machine", () => {
  const files = talosFiles(platformSettings("infra"), INFRA_INVENTORY);
  const infra2 = fileDocuments(files, "talos/nodes/infra-2.yaml");

  it("names the machine, bonds its two NICs by MAC with LACP and gives the bond its address and route", () => {
    // GIVEN infra-2 WHEN rendered THEN its hostname, aliases and bond follow the inventory
    expect(infra2.slice(1, 5)).toEqual([
      { apiVersion: "v1alpha1", kind: "HostnameConfig", auto: "off", hostname: "infra-2" },
      {
        apiVersion: "v1alpha1",
        kind: "LinkAliasConfig",
        name: "net0",
        selector: { match: 'mac(link.permanent_addr) == "02:0a:19:0b:0c:01"' },
      },
      {
        apiVersion: "v1alpha1",
        kind: "LinkAliasConfig",
        name: "net1",
        selector: { match: 'mac(link.permanent_addr) == "02:0a:19:0b:0c:02"' },
      },
      {
        apiVersion: "v1alpha1",
        kind: "BondConfig",
        name: "bond0",
        links: ["net0", "net1"],
        bondMode: "802.3ad",
        lacpRate: "fast",
        xmitHashPolicy: "layer3+4",
        miimon: 100,
        updelay: 200,
        downdelay: 200,
        mtu: 1500,
        addresses: [{ address: "10.25.11.12/24" }],
        routes: [{ gateway: "10.25.11.1" }],
      },
    ]);
  });

  it("installs on the disk of the serial and mounts the local volume OpenEBS uses", () => {
    // GIVEN infra-2 WHEN rendered THEN Talos installs on its SSD and makes /var/mnt/local-hostpath on its NVMe
    expect(infra2[0]).toEqual({
      version: "v1alpha1",
      machine: { install: { diskSelector: { serial: "S6PNNS0W000012" } } },
    });
    expect(infra2[5]).toEqual({
      apiVersion: "v1alpha1",
      kind: "UserVolumeConfig",
      name: "local-hostpath",
      provisioning: {
        diskSelector: {
          match: '"/dev/disk/by-id/nvme-Samsung_SSD_990_PRO_2TB_S7HENJ0W000012" in disk.symlinks',
        },
        minSize: "1TB",
      },
      filesystem: { type: "xfs" },
    });
    expect(OPENEBS_HOSTPATH).toBe("/var/mnt/local-hostpath");
  });

  it("leaves the Ceph disks alone: no document names them", () => {
    // GIVEN infra-2's OSD disks WHEN its patch is rendered THEN none of them appears in it
    const text = JSON.stringify(infra2);
    for (const id of INFRA_INVENTORY.machines[1]?.cephDisks ?? []) expect(text).not.toContain(id);
    expect(INFRA_INVENTORY.machines[1]?.cephDisks).toHaveLength(2);
  });
});
