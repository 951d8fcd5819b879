/** The install disk of a machine: by serial number, by model, or by a device path. */
export type InstallDisk =
  | { /** `/sys/block/<dev>/serial`, e.g. `S6PNNS0W000011`. */ readonly serial: string }
  | {
      /** `/sys/block/<dev>/device/model`; every machine needs exactly one disk of it. */ readonly model: string;
    }
  | { /** A stable device path such as `/dev/disk/by-id/nvme-…`. */ readonly path: string };

/** The disk the OpenEBS hostpath user volume is created on. */
export interface LocalDisk {
  /** Its `/dev/disk/by-id/` name, e.g. `nvme-Samsung_SSD_990_PRO_2TB_S7HENJ0W000113`. */
  readonly id: string;
  /** The smallest size the volume may have (Talos byte size, e.g. `1TB`); it takes the free space of the disk. */
  readonly minSize: string;
}

/** One Talos machine of a cluster: its identity, its bonded links and its disks. */
export interface TalosMachine {
  /** Hostname and Kubernetes node name: a DNS label. */
  readonly name: string;
  /** IPv4 address on the node network, without prefix length. */
  readonly address: string;
  /** Talos machine type: which generated configuration (`controlplane.yaml` or `worker.yaml`) it is applied to. */
  readonly role: "controlplane" | "worker";
  /** The NICs bonded with LACP (802.3ad), by permanent MAC address in lower case; at least two. */
  readonly links: readonly [string, string, ...string[]];
  /** The disk Talos installs itself on. */
  readonly installDisk: InstallDisk;
  /** Disks left raw for Rook to turn into Ceph OSDs, by `/dev/disk/by-id/` name. @default [] */
  readonly cephDisks?: readonly string[];
  /** The disk of the `local-hostpath` user volume OpenEBS provisions from. @default none */
  readonly localDisk?: LocalDisk;
}

/** A cluster's machines and the addresses every one of them needs. */
export interface TalosInventory {
  /** Kubernetes API endpoint, `https://<vip or dns name>:<port>`; an IP host is set up as a layer-2 VIP. */
  readonly endpoint: string;
  /** The default gateway of the node network. */
  readonly gateway: string;
  /** The machines; their names and addresses are the cluster settings' `nodes`. */
  readonly machines: readonly TalosMachine[];
}

export interface TalosOptions extends TalosInventory {
  /** DNS servers the nodes resolve with. @default [gateway] */
  readonly nameservers?: readonly string[];
  /**
   * Image Factory schematic id of the installer (`factory.talos.dev/installer/<schematic>:<talosVersion>`).
   * @default DEFAULT_SCHEMATIC (no extensions)
   */
  readonly schematic?: string;
  /** MTU of the bond (9000 for jumbo frames, when the switch ports allow it). @default 1500 */
  readonly mtu?: number;
  /**
   * Run workloads on control-plane machines (and drop the label that keeps them out of load balancing).
   * @default true
   */
  readonly allowSchedulingOnControlPlanes?: boolean;
  /** Namespaces whose pods may use the Talos API with role `os:admin`. @default ["system-upgrade"] */
  readonly talosApiNamespaces?: readonly string[];
  /**
   * Where every machine sends its Talos service logs and its kernel log (e.g. a log collector on the node, such as
   * Fluent Bit's `tcp://127.0.0.1:6051/` and `tcp://127.0.0.1:6050`). @default none: logs stay on the machine
   */
  readonly logForwarding?: { readonly services: string; readonly kernel?: string };
}

/** The Image Factory schematic without extensions or kernel arguments. */
export const DEFAULT_SCHEMATIC = "376567988ad370138ad8b2698212367b8edcb69b5fd68c80be1f2ec7d603b4ba";

export interface ResolvedMachine extends Omit<TalosMachine, "cephDisks" | "localDisk"> {
  readonly cephDisks: readonly string[];
  readonly localDisk: LocalDisk | undefined;
}

export interface ResolvedTalosOptions extends Required<Omit<TalosOptions, "machines" | "logForwarding">> {
  readonly machines: readonly ResolvedMachine[];
  readonly logForwarding: TalosOptions["logForwarding"];
  /** The endpoint's host when it is an IP address: the layer-2 VIP of the control plane. */
  readonly vip: string | undefined;
}

export function resolveOptions(options: TalosOptions): ResolvedTalosOptions {
  return {
    endpoint: options.endpoint,
    gateway: options.gateway,
    machines: options.machines.map((machine) => ({
      ...machine,
      cephDisks: machine.cephDisks ?? [],
      localDisk: machine.localDisk,
    })),
    nameservers: options.nameservers ?? [options.gateway],
    schematic: options.schematic ?? DEFAULT_SCHEMATIC,
    mtu: options.mtu ?? 1500,
    allowSchedulingOnControlPlanes: options.allowSchedulingOnControlPlanes ?? true,
    talosApiNamespaces: options.talosApiNamespaces ?? ["system-upgrade"],
    logForwarding: options.logForwarding,
    vip: endpointIp(options.endpoint),
  };
}

function endpointIp(endpoint: string): string | undefined {
  return /^https:\/\/([0-9.]+)(:[0-9]+)?$/.exec(endpoint)?.[1];
}
