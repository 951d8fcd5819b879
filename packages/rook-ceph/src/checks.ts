import { isDomainName, OptionError } from "@k8s-ops/core";
import type { RookExport } from "./export.js";
import type { CephNode, ResolvedRookCephExternalOptions, ResolvedRookCephOptions } from "./options.js";

type Fail = (field: string, message: string, expected: string, found: string) => never;

function failer(builder: string): Fail {
  return (field, message, expected, found) => {
    throw new OptionError({ path: `${builder}: ${field}`, message, expected, found });
  };
}

const NAME = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const DEVICE = /^(\/dev\/[^\s/][^\s]*|[a-z][a-z0-9._:-]*)$/;
const URL_RULE = /^https?:\/\/[^\s/]+(\/\S*)?$/;

/** Checks everything `rookCeph` relies on, before it builds anything. */
export function checkOptions(o: ResolvedRookCephOptions): void {
  const fail = failer("rookCeph");
  checkNames(fail, { blockPool: o.blockPool, filesystem: o.filesystem, objectStore: o.objectStore });
  checkNodes(fail, o);
  o.nodes.forEach((node, index) => {
    checkDevices(fail, node, index);
  });
  if (!Number.isInteger(o.replicas) || o.replicas < 1 || o.replicas > o.nodes.length)
    fail(
      "replicas",
      "the replica count does not fit the storage nodes",
      `an integer in 1..${o.nodes.length} (one copy per node)`,
      String(o.replicas),
    );
  checkItem(fail, "connectionItem", o.connectionItem);
  for (const [field, route] of [
    ["dashboard", o.dashboard],
    ["s3", o.s3],
  ] as const) {
    if (route && !isDomainName(route.hostname))
      fail(
        `${field}.hostname`,
        "not a host name",
        "a name such as ceph.example.com or ceph.${SECRET_DOMAIN}",
        JSON.stringify(route.hostname),
      );
  }
  // checked after the routes: without rgwEndpoint it is derived from s3.hostname
  if (!URL_RULE.test(o.rgwEndpoint))
    fail(
      "rgwEndpoint",
      "not an HTTP URL",
      "a URL such as http://s3.example.com",
      JSON.stringify(o.rgwEndpoint),
    );
}

/** Checks the export `rookCephExternal` consumes: a hand-made or stale one fails here, not in the cluster. */
export function checkExternalOptions(o: ResolvedRookCephExternalOptions): void {
  const fail = failer("rookCephExternal");
  const { source } = o;
  checkNames(fail, {
    "source.namespace": source.namespace,
    "source.blockPool": source.blockPool,
    "source.filesystem.name": source.filesystem.name,
    "source.filesystem.dataPool": source.filesystem.dataPool,
  });
  if (source.monEndpoints.length === 0)
    fail(
      "source.monEndpoints",
      "the export lists no mon endpoints",
      "the provider's mons, as rookCeph(…).external lists them",
      "[]",
    );
  source.monEndpoints.forEach((mon, index) => {
    checkMon(fail, mon, index);
  });
  checkItem(fail, "source.connectionItem", source.connectionItem);
}

const NAME_KIND: Readonly<Record<string, string>> = {
  filesystem: "filesystem",
  objectStore: "object store",
  namespace: "namespace",
};

function checkNames(fail: Fail, names: Readonly<Record<string, string>>): void {
  for (const [field, name] of Object.entries(names)) {
    const what = NAME_KIND[field.replace(/^source\./, "").replace(/\.name$/, "")] ?? "pool";
    if (name === "")
      fail(field, `the ${what} name is empty`, "a lowercase RFC 1123 name such as ceph-blockpool", '""');
    if (!NAME.test(name) || name.length > 63)
      fail(
        field,
        `not a valid ${what} name`,
        "a lowercase RFC 1123 name such as ceph-blockpool",
        JSON.stringify(name),
      );
  }
}

function checkNodes(fail: Fail, o: ResolvedRookCephOptions): void {
  if (o.nodes.length < 3)
    fail(
      "nodes",
      "three mons need at least three storage nodes",
      "3 or more nodes, one mon on each",
      JSON.stringify(o.nodes.map((node) => node.name)),
    );
  const known = o.settings.nodes.map((node) => node.name);
  const seen = new Set<string>();
  o.nodes.forEach((node, index) => {
    if (!known.includes(node.name))
      fail(
        `nodes.${index}.name`,
        `not a node of cluster ${o.settings.name}`,
        `one of ${known.join(", ")}`,
        JSON.stringify(node.name),
      );
    if (seen.has(node.name))
      fail(
        `nodes.${index}.name`,
        "the node is listed twice",
        "each storage node once",
        JSON.stringify(node.name),
      );
    seen.add(node.name);
  });
}

function checkDevices(fail: Fail, node: CephNode, index: number): void {
  const field = `nodes.${index}.devices`;
  if (node.devices.length === 0)
    fail(
      field,
      `node ${node.name} has no OSD devices`,
      "at least one device, e.g. /dev/disk/by-id/nvme-…",
      "[]",
    );
  const seen = new Set<string>();
  for (const device of node.devices) {
    if (!DEVICE.test(device))
      fail(
        field,
        "not a device path or name",
        "a path such as /dev/disk/by-id/nvme-… or a kernel name such as nvme1n1",
        JSON.stringify(device),
      );
    if (seen.has(device))
      fail(
        field,
        `a device is listed twice on node ${node.name}`,
        "each device once",
        JSON.stringify(device),
      );
    seen.add(device);
  }
}

function checkMon(fail: Fail, mon: RookExport["monEndpoints"][number], index: number): void {
  if (mon.address === "" || !Number.isInteger(mon.port) || mon.port < 1 || mon.port > 65535)
    fail(
      `source.monEndpoints.${index}`,
      "not a mon endpoint",
      "a name, a node address and port 3300 or 6789",
      JSON.stringify(mon),
    );
}

function checkItem(fail: Fail, field: string, item: string): void {
  if (item.trim() === "")
    fail(
      field,
      "the 1Password item name is empty",
      "the item holding the external-cluster connection secrets",
      '""',
    );
}
