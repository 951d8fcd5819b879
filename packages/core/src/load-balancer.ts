/**
 * Which addresses Cilium LB IPAM hands out, for the builders that request a LoadBalancer address and for the checks
 * that read the requests back from the rendered tree. The cilium component renders the cluster's pool
 * (`settings.network.loadBalancerCidr`) with `allowFirstLastIPs: "No"`, so its first and last addresses are never
 * handed out.
 */
import { isIP } from "node:net";
import { parseCidr } from "cidr-tools";
import { stringifyIp } from "ip-bigint";

/** The addresses, first to last inclusive, LB IPAM hands out from one pool block. */
export interface AddressSpan {
  readonly version: 4 | 6;
  readonly first: bigint;
  readonly last: bigint;
}

/** What is wrong with a LoadBalancer address, worded for a finding or an OptionError. */
export interface AddressProblem {
  readonly message: string;
  readonly expected: string;
}

/**
 * The span of a CIDR block. With `reserveFirstLast` (`allowFirstLastIPs: "No"`) LB IPAM keeps the first and last
 * addresses (network and broadcast) back, except in IPv4 /31 and /32 and IPv6 /127 and /128 blocks, which would
 * have none left. Throws on a value that is not a CIDR.
 */
export function cidrSpan(cidr: string, reserveFirstLast: boolean): AddressSpan {
  const { version, prefix, start, end } = parseCidr(cidr);
  const hostBits = (version === 4 ? 32 : 128) - Number(prefix);
  if (!reserveFirstLast || hostBits <= 1) return { version, first: start, last: end };
  return { version, first: start + 1n, last: end - 1n };
}

/** The span of a `start`/`stop` block: LB IPAM reserves nothing in it. Throws on a value that is not an IP. */
export function rangeSpan(start: string, stop: string = start): AddressSpan {
  const from = parseCidr(start);
  const to = parseCidr(stop);
  if (from.version !== to.version) throw new Error(`${start} and ${stop} are of different IP versions`);
  return { version: from.version, first: from.start, last: to.end };
}

/** Whether the span holds `address`; false for anything that is not an IP of the span's version. */
export function spanHolds(span: AddressSpan, address: string): boolean {
  if (isIP(address) !== span.version) return false;
  const value = parseCidr(address).start;
  return value >= span.first && value <= span.last;
}

/** `10.25.11.65 to 10.25.11.94`, or the one address of a single-address span. */
export function describeSpan(span: AddressSpan): string {
  const first = stringifyIp({ number: span.first, version: span.version });
  if (span.first === span.last) return first;
  return `${first} to ${stringifyIp({ number: span.last, version: span.version })}`;
}

/**
 * Why `address` cannot be requested from the cluster's LoadBalancer range `range` (its pool, rendered with the
 * first and last addresses reserved), or undefined when LB IPAM can hand it out.
 */
export function loadBalancerAddressProblem(address: string, range: string): AddressProblem | undefined {
  const pool = safeSpan(range, false);
  const usable = safeSpan(range, true);
  if (isIP(address) === 0) return { message: "not an IP address", expected: `an address inside ${range}` };
  if (!pool || !spanHolds(pool, address))
    return {
      message: "the address is outside the cluster's LoadBalancer range",
      expected: `an address inside ${range}`,
    };
  if (usable && !spanHolds(usable, address))
    return {
      message: "the address is the first or last of the cluster's LoadBalancer range, which LB IPAM reserves",
      expected: `an address from ${describeSpan(usable)}`,
    };
  return undefined;
}

function safeSpan(cidr: string, reserveFirstLast: boolean): AddressSpan | undefined {
  try {
    return cidrSpan(cidr, reserveFirstLast);
  } catch {
    return undefined;
  }
}
