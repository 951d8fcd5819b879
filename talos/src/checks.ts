import type { ClusterSettings } from "@k8s-ops/core";
import { checkInNodeNetwork, fail, isAddress } from "./errors.js";
import { checkMachines } from "./machine-checks.js";
import type { ResolvedTalosOptions } from "./options.js";

const VERSION = /^v([0-9]+)\.([0-9]+)\.([0-9]+)$/;
const ENDPOINT = /^https:\/\/[a-z0-9]([-a-z0-9.]*[a-z0-9])?(:[0-9]{1,5})?$/;
const NAMESPACE = /^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

/** Throws an OptionError on the first option or setting the Talos configuration cannot be built from. */
export function checkOptions(settings: ClusterSettings, o: ResolvedTalosOptions): void {
  checkVersions(settings);
  checkMachines(o.machines, settings.network.nodeCidr);
  checkNetwork(settings, o);
  checkSettingsNodes(settings, o);
  if (!/^[0-9a-f]{64}$/.test(o.schematic)) {
    fail("schematic", "not an Image Factory schematic id", "64 lower-case hex digits", o.schematic);
  }
  if (!Number.isInteger(o.mtu) || o.mtu < 1280 || o.mtu > 9216) {
    fail("mtu", "the MTU is out of range", "an integer from 1280 to 9216", String(o.mtu));
  }
  const namespace = o.talosApiNamespaces.find((name) => !NAMESPACE.test(name));
  if (namespace !== undefined) {
    fail("talosApiNamespaces", "not a namespace name", "a DNS label", namespace);
  }
}

/** The Talos minor version (`v1.13`) of settings already checked. */
export function talosMinor(talosVersion: string): string {
  return talosVersion.split(".").slice(0, 2).join(".");
}

function checkVersions({ talosVersion, kubernetesVersion }: ClusterSettings): void {
  const talos = VERSION.exec(talosVersion);
  if (talos === null || Number(talos[1]) !== 1 || Number(talos[2]) < 13) {
    fail(
      "settings.talosVersion",
      "the Talos version is not supported",
      "a release v1.13.0 or later in the v1 line (the configuration uses Talos 1.13 documents)",
      talosVersion,
    );
  }
  if (!VERSION.test(kubernetesVersion)) {
    fail(
      "settings.kubernetesVersion",
      "not a Kubernetes release",
      "vMAJOR.MINOR.PATCH, e.g. v1.35.0",
      kubernetesVersion,
    );
  }
}

function checkNetwork(settings: ClusterSettings, o: ResolvedTalosOptions): void {
  const { nodeCidr } = settings.network;
  const taken = (address: string) => o.machines.find((machine) => machine.address === address)?.name;
  if (!ENDPOINT.test(o.endpoint)) {
    fail(
      "endpoint",
      "not a Kubernetes API endpoint",
      "https://<host>[:port], e.g. https://10.25.11.10:6443",
      o.endpoint,
    );
  }
  if (o.vip !== undefined) {
    checkInNodeNetwork("endpoint", o.vip, nodeCidr, "the endpoint's virtual IP");
    const owner = taken(o.vip);
    if (owner !== undefined) {
      fail(
        "endpoint",
        "the endpoint's virtual IP is a machine's address",
        "an address no machine has",
        `${o.vip} (${owner})`,
      );
    }
  }
  checkInNodeNetwork("gateway", o.gateway, nodeCidr, "the gateway");
  const owner = taken(o.gateway);
  if (owner !== undefined) {
    fail("gateway", "the gateway is a machine's address", "the router's address", `${o.gateway} (${owner})`);
  }
  const nameserver = o.nameservers.find((address) => !isAddress(address));
  if (nameserver !== undefined) {
    fail("nameservers", "not an IPv4 address", "IPv4 addresses of DNS servers", nameserver);
  }
}

function checkSettingsNodes(settings: ClusterSettings, o: ResolvedTalosOptions): void {
  const key = (node: { name: string; address: string }) => `${node.name}=${node.address}`;
  const machines = o.machines.map(key);
  const nodes = settings.nodes.map(key);
  const missing = nodes.filter((node) => !machines.includes(node));
  const extra = machines.filter((machine) => !nodes.includes(machine));
  if (missing.length > 0 || extra.length > 0) {
    fail(
      "machines",
      "the machines are not the nodes of the cluster settings",
      `the machines of settings.nodes: ${nodes.join(", ")}`,
      machines.join(", "),
    );
  }
}
