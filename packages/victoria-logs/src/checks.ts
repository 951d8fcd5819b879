import { BlockList, isIP } from "node:net";
import { loadBalancerAddressProblem, OptionError } from "@k8s-ops/core";

/** Throws the OptionError of one option of one builder. */
export type Fail = (option: string, message: string, expected: string, found: string) => never;

export function failer(builder: string): Fail {
  return (option, message, expected, found) => {
    throw new OptionError({ path: `${builder}: ${option}`, message, expected, found });
  };
}

const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const QUANTITY = /^\d+(\.\d+)?(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$/;
const RETENTION = /^\d+(h|d|w|y)?$/;

/** A DNS label (namespace, object name prefix): lowercase letters, digits and '-', at most `max` characters. */
export function checkLabel(fail: Fail, option: string, value: string, example: string, max = 63): void {
  if (value.length > max || !LABEL.test(value)) {
    fail(
      option,
      "not a valid name",
      `a DNS label of at most ${max} characters such as ${example}`,
      JSON.stringify(value),
    );
  }
}

/** A Kubernetes storage quantity such as 50Gi. */
export function checkQuantity(fail: Fail, option: string, value: string): void {
  if (!QUANTITY.test(value))
    fail(option, "not a storage size", "a quantity such as 50Gi", JSON.stringify(value));
}

/** A VictoriaLogs retention: a number with h, d, w or y, or a bare number of months; at least a day. */
export function checkRetention(fail: Fail, option: string, value: string): void {
  if (!RETENTION.test(value) || /^0+[hdwy]?$/.test(value)) {
    fail(
      option,
      "not a retention period",
      "a period such as 30d, 12w or 1y (a bare number counts months)",
      JSON.stringify(value),
    );
  }
}

/** A StorageClass reference (from a storage component), not a name. */
export function checkStorageClass(fail: Fail, option: string, value: unknown): void {
  if ((value as { type?: unknown } | undefined)?.type !== "StorageClass") {
    fail(
      option,
      "not a storage class reference",
      "the StorageClassRef a storage component exports",
      JSON.stringify(value),
    );
  }
}

/** A TCP port. */
export function checkPort(fail: Fail, option: string, value: number): void {
  if (!Number.isInteger(value) || value < 1 || value > 65535)
    fail(option, "not a port", "an integer in 1..65535", String(value));
}

/** Whether `address` is an IP inside `cidr`. */
export function inRange(address: string, cidr: string): boolean {
  const family = isIP(address);
  const [network = "", prefix = ""] = cidr.split("/");
  const networkFamily = isIP(network);
  if (family === 0 || networkFamily !== family) return false;
  const pool = new BlockList();
  const type = family === 4 ? "ipv4" : "ipv6";
  pool.addSubnet(network, Number(prefix), type);
  return pool.check(address, type);
}

/** A LoadBalancer IP of the cluster: one LB IPAM hands out from its pool (neither end of the range). */
export function checkAddress(fail: Fail, option: string, address: string, range: string): void {
  if (isIP(address) === 0)
    fail(option, "not an IP address", "an address such as 10.25.11.73", JSON.stringify(address));
  const problem = loadBalancerAddressProblem(address, range);
  if (problem) fail(option, problem.message, problem.expected, address);
}
