/**
 * The machines of both clusters. The MAC addresses (locally administered, `02:…`), disk serials and disk ids are
 * examples that follow the addresses: replace them with your hardware's (`talosctl get links --insecure -n <ip>`,
 * `talosctl get disks --insecure -n <ip>`, and `ls /dev/disk/by-id` in the Talos dashboard or a rescue shell).
 */
import type { TalosInventory, TalosMachine } from "./options.js";

/** The default gateway of the node network 10.25.11.0/24 (also the BGP peer). */
export const NODE_GATEWAY = "10.25.11.1";

/** A machine with the example hardware of its address: two 10GbE ports, an install SSD, one local NVMe. */
function machine(name: string, octet: number, cephDisks: readonly string[]): TalosMachine {
  const id = octet.toString(16).padStart(2, "0");
  const serial = String(octet).padStart(3, "0");
  return {
    name,
    address: `10.25.11.${octet}`,
    role: "controlplane",
    links: [`02:0a:19:0b:${id}:01`, `02:0a:19:0b:${id}:02`],
    installDisk: { serial: `S6PNNS0W000${serial}` },
    cephDisks,
    localDisk: { id: `nvme-Samsung_SSD_990_PRO_2TB_S7HENJ0W000${serial}`, minSize: "1TB" },
  };
}

/** Two 4 TB NVMe OSDs per infra machine. */
function osds(octet: number): string[] {
  return [1, 2].map((n) => `nvme-Samsung_SSD_990_PRO_4TB_S7KGNJ0W${String(octet * 10 + n).padStart(6, "0")}`);
}

/** The infra cluster: three control-plane machines that also run workloads and Ceph, VIP 10.25.11.10. */
export const INFRA_INVENTORY: TalosInventory = {
  endpoint: "https://10.25.11.10:6443",
  gateway: NODE_GATEWAY,
  machines: [
    machine("infra-1", 11, osds(11)),
    machine("infra-2", 12, osds(12)),
    machine("infra-3", 13, osds(13)),
  ],
};

/** The apps cluster: three control-plane machines that also run workloads, VIP 10.25.11.20. */
export const APPS_INVENTORY: TalosInventory = {
  endpoint: "https://10.25.11.20:6443",
  gateway: NODE_GATEWAY,
  machines: [machine("apps-1", 14, []), machine("apps-2", 15, []), machine("apps-3", 16, [])],
};

/** The Ceph OSD disks of an inventory per node, as the device paths Rook's `storage.nodes[].devices` takes. */
export function cephNodes(inventory: TalosInventory): { name: string; devices: string[] }[] {
  return inventory.machines
    .filter((m) => (m.cephDisks ?? []).length > 0)
    .map((m) => ({ name: m.name, devices: (m.cephDisks ?? []).map((id) => `/dev/disk/by-id/${id}`) }));
}
