import { OptionError } from "@k8s-ops/core";
import { containsCidr, parseCidr } from "cidr-tools";

/** Throws the OptionError of one problem, its path under `talos: `. */
export function fail(path: string, message: string, expected: string, found: string): never {
  throw new OptionError({ path: `talos: ${path}`, message, expected, found });
}

/** An IPv4 address without prefix length. */
export function isAddress(value: string): boolean {
  if (!/^[0-9.]+$/.test(value)) return false;
  try {
    const { version, prefixPresent } = parseCidr(value);
    return version === 4 && !prefixPresent;
  } catch {
    return false;
  }
}

/** Throws unless `value` is an IPv4 address inside the node network. */
export function checkInNodeNetwork(path: string, value: string, nodeCidr: string, what: string): void {
  if (!isAddress(value)) {
    fail(
      path,
      `${what} is not an IPv4 address`,
      "an IPv4 address without prefix length, e.g. 10.25.11.11",
      value,
    );
  }
  if (!containsCidr(nodeCidr, value)) {
    fail(path, `${what} is outside the node network`, `an address inside ${nodeCidr}`, value);
  }
}

/** The first value that occurs twice, with the indexes of both occurrences. */
export function firstDuplicate<T>(
  values: readonly T[],
): { value: T; first: number; second: number } | undefined {
  const seen = new Map<T, number>();
  for (const [index, value] of values.entries()) {
    const first = seen.get(value);
    if (first !== undefined) return { value, first, second: index };
    seen.set(value, index);
  }
  return undefined;
}
