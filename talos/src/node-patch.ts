import type { ClusterSettings } from "@k8s-ops/core";
import { BOND } from "./cluster-patch.js";
import type { InstallDisk, LocalDisk, ResolvedMachine, ResolvedTalosOptions } from "./options.js";
import type {
  BondConfig,
  HostnameConfig,
  InstallConfig,
  LinkAliasConfig,
  TalosDocument,
  UserVolumeConfig,
} from "./types.js";

/** The user volume OpenEBS hostpath provisions from: Talos mounts it at `/var/mnt/<name>`. */
export const LOCAL_VOLUME = "local-hostpath";

/** The OpenEBS LocalPV hostpath base path: the mount point of the `local-hostpath` user volume. */
export const OPENEBS_HOSTPATH = `/var/mnt/${LOCAL_VOLUME}`;

/** `talos/nodes/<name>.yaml`: the machine's hostname, install disk, bonded links, address and data volume. */
export function nodePatch(
  settings: ClusterSettings,
  o: ResolvedTalosOptions,
  machine: ResolvedMachine,
): TalosDocument[] {
  const hostname: HostnameConfig = {
    apiVersion: "v1alpha1",
    kind: "HostnameConfig",
    auto: "off",
    hostname: machine.name,
  };
  return [
    { version: "v1alpha1", machine: { install: install(machine.installDisk) } },
    hostname,
    ...linkAliases(machine),
    bond(settings, o, machine),
    ...(machine.localDisk === undefined ? [] : [localVolume(machine.localDisk)]),
  ];
}

function install(disk: InstallDisk): InstallConfig {
  if ("path" in disk) return { disk: disk.path };
  if ("serial" in disk) return { diskSelector: { serial: disk.serial } };
  return { diskSelector: { model: disk.model } };
}

/** `net0`, `net1`, …: each bonded NIC named by its permanent MAC, whatever the kernel calls it. */
function linkAliases(machine: ResolvedMachine): LinkAliasConfig[] {
  return machine.links.map((mac, index) => ({
    apiVersion: "v1alpha1",
    kind: "LinkAliasConfig",
    name: `net${index}`,
    selector: { match: `mac(link.permanent_addr) == "${mac}"` },
  }));
}

function bond(settings: ClusterSettings, o: ResolvedTalosOptions, machine: ResolvedMachine): BondConfig {
  const prefix = settings.network.nodeCidr.split("/")[1];
  return {
    apiVersion: "v1alpha1",
    kind: "BondConfig",
    name: BOND,
    links: machine.links.map((_, index) => `net${index}`),
    bondMode: "802.3ad",
    lacpRate: "fast",
    xmitHashPolicy: "layer3+4",
    miimon: 100,
    updelay: 200,
    downdelay: 200,
    mtu: o.mtu,
    addresses: [{ address: `${machine.address}/${prefix}` }],
    routes: [{ gateway: o.gateway }],
  };
}

/** The OpenEBS hostpath volume: the whole free space of one data disk, chosen by its stable by-id link. */
function localVolume(disk: LocalDisk): UserVolumeConfig {
  return {
    apiVersion: "v1alpha1",
    kind: "UserVolumeConfig",
    name: LOCAL_VOLUME,
    provisioning: {
      diskSelector: { match: `"/dev/disk/by-id/${disk.id}" in disk.symlinks` },
      minSize: disk.minSize,
    },
    filesystem: { type: "xfs" },
  };
}
