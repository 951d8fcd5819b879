import { isIPv4 } from "node:net";
import { OptionError } from "@k8s-ops/core";
import { parseCidr } from "cidr-tools";

/** Cilium's rule for `cluster.name`. */
const CLUSTER_NAME = /^([a-z0-9][-a-z0-9]*)?[a-z0-9]$/;

export const CLUSTER_NAME_RULE = '≤ 32 characters matching ^([a-z0-9][-a-z0-9]*)?[a-z0-9]$, not "default"';

export function isClusterName(name: string): boolean {
  return name.length <= 32 && CLUSTER_NAME.test(name) && name !== "default";
}

export function isClusterId(id: number): boolean {
  return Number.isInteger(id) && id >= 1 && id <= 255;
}

/** An IPv4 or IPv6 network written with its prefix length. */
export function isCidr(value: string): boolean {
  try {
    const parsed = parseCidr(value);
    const max = parsed.version === 4 ? 32 : 128;
    return parsed.prefixPresent && Number(parsed.prefix) <= max;
  } catch {
    return false;
  }
}

/** Throws unless `value` is a CIDR, naming the option it came from. */
export function requireCidr(path: string, value: string): void {
  if (isCidr(value)) return;
  throw new OptionError({
    path: `cilium: ${path}`,
    message: "not a CIDR",
    expected: "a network such as 10.244.0.0/16",
    found: JSON.stringify(value),
  });
}

/** Throws unless `value` is an IPv4 address, naming the option it came from. */
export function requireIpv4(path: string, value: string): void {
  if (isIPv4(value)) return;
  throw new OptionError({
    path: `cilium: ${path}`,
    message: "not an IPv4 address",
    expected: "an address such as 10.25.11.65",
    found: JSON.stringify(value),
  });
}
