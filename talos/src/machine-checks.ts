import { checkInNodeNetwork, fail, firstDuplicate } from "./errors.js";
import type { ResolvedMachine } from "./options.js";

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;
const MAC = /^[0-9a-f]{2}(:[0-9a-f]{2}){5}$/;
/** A `/dev/disk/by-id/` name: no slash, nothing a CEL string literal would need escaped. */
const DISK_ID = /^[A-Za-z0-9][A-Za-z0-9._:+@-]*$/;
/** A Talos byte size such as `500GB`, `1TB` or `1.5TiB`. */
const BYTE_SIZE = /^[0-9]+(\.[0-9]+)?([kKMGTPE]i?)?B$/;

/** Checks every machine on its own, then the set: unique names, addresses, MACs and an odd control plane. */
export function checkMachines(machines: readonly ResolvedMachine[], nodeCidr: string): void {
  if (machines.length === 0) {
    fail("machines", "a cluster needs at least one machine", "one or more machines", "[]");
  }
  for (const [index, machine] of machines.entries()) checkMachine(machine, `machines[${index}]`, nodeCidr);
  checkUnique(machines);
  const controlPlanes = machines.filter((machine) => machine.role === "controlplane").length;
  if (controlPlanes % 2 === 0) {
    fail(
      "machines",
      "the number of control-plane machines is not odd",
      "an odd number of control-plane machines (1, 3, 5, …) so etcd keeps its quorum",
      String(controlPlanes),
    );
  }
}

function checkMachine(machine: ResolvedMachine, path: string, nodeCidr: string): void {
  if (!DNS_LABEL.test(machine.name)) {
    fail(
      `${path}.name`,
      "not a valid hostname",
      "a DNS label: lower-case letters, digits and '-'",
      machine.name,
    );
  }
  checkInNodeNetwork(`${path}.address`, machine.address, nodeCidr, "the machine's address");
  const badMac = machine.links.find((mac) => !MAC.test(mac));
  if (badMac !== undefined) {
    fail(
      `${path}.links`,
      "not a MAC address",
      "six lower-case hex pairs separated by colons, e.g. 02:0a:19:0b:0b:01",
      badMac,
    );
  }
  checkDisks(machine, path);
}

function checkDisks(machine: ResolvedMachine, path: string): void {
  const { installDisk, cephDisks, localDisk } = machine;
  if ("path" in installDisk && !installDisk.path.startsWith("/dev/")) {
    fail(
      `${path}.installDisk.path`,
      "not a device path",
      "a path under /dev/, e.g. /dev/disk/by-id/…",
      installDisk.path,
    );
  }
  const ids = [...cephDisks, ...(localDisk ? [localDisk.id] : [])];
  const badId = ids.find((id) => !DISK_ID.test(id));
  if (badId !== undefined) {
    fail(
      `${path}.cephDisks`,
      "not a /dev/disk/by-id/ name",
      "the name of a link in /dev/disk/by-id/, without the folder",
      badId,
    );
  }
  const twice = firstDuplicate(ids);
  if (twice !== undefined) {
    fail(
      `${path}.cephDisks`,
      "a disk is given two uses",
      "each data disk once: a Ceph OSD or the local volume",
      twice.value,
    );
  }
  if (localDisk !== undefined && !BYTE_SIZE.test(localDisk.minSize)) {
    fail(
      `${path}.localDisk.minSize`,
      "not a byte size",
      "a size such as 500GB, 1TB or 1.5TiB",
      localDisk.minSize,
    );
  }
}

function checkUnique(machines: readonly ResolvedMachine[]): void {
  const name = firstDuplicate(machines.map((machine) => machine.name));
  if (name !== undefined) {
    fail(
      `machines[${name.second}].name`,
      "two machines share a name",
      "a different name per machine",
      name.value,
    );
  }
  const address = firstDuplicate(machines.map((machine) => machine.address));
  if (address !== undefined) {
    fail(
      `machines[${address.second}].address`,
      "two machines share an address",
      "a different address per machine",
      `${address.value} (${machines[address.first]?.name} and ${machines[address.second]?.name})`,
    );
  }
  const links = machines.flatMap((machine, index) =>
    machine.links.map((mac) => ({ mac, index, name: machine.name })),
  );
  const mac = firstDuplicate(links.map((link) => link.mac));
  if (mac !== undefined) {
    fail(
      `machines[${links[mac.second]?.index}].links`,
      "a MAC address is used by two links",
      "each link's MAC address once in the cluster",
      `${mac.value} (${links[mac.first]?.name} and ${links[mac.second]?.name})`,
    );
  }
}
