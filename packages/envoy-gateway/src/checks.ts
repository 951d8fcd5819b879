import { isIP } from "node:net";
import { loadBalancerAddressProblem, OptionError, settingsVariables } from "@k8s-ops/core";
import type { ResolvedEnvoyGatewayOptions } from "./options.js";

const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const VARIABLE = /\$\{([_a-zA-Z][_a-zA-Z0-9]*)\}/g;
const DNS_NAME = /^(?=.{1,253}$)[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?(\.[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?)*$/;

/** Throws at the first option the builder cannot use. */
export function checkOptions(o: ResolvedEnvoyGatewayOptions): void {
  checkAddresses(o);
  checkDnsName(o, "domain", o.domain, "a domain such as example.com or ${SECRET_DOMAIN}");
  if (o.externalDnsTarget !== undefined) {
    checkDnsName(o, "externalDnsTarget", o.externalDnsTarget, "a DNS name such as external.example.com");
  }
  if (o.namespace.length > 63 || !LABEL.test(o.namespace)) {
    fail("namespace", "not a namespace name", "a DNS label such as network", JSON.stringify(o.namespace));
  }
  if (!Number.isInteger(o.replicas) || o.replicas < 1) {
    fail("replicas", "each gateway needs at least one Envoy proxy", "an integer ≥ 1", String(o.replicas));
  }
  if (!Number.isInteger(o.trustedHops) || o.trustedHops < 0) {
    fail("trustedHops", "not a number of proxies", "an integer ≥ 0", String(o.trustedHops));
  }
}

function fail(option: string, message: string, expected: string, found: string): never {
  throw new OptionError({ path: `envoy-gateway: ${option}`, message, expected, found });
}

/** Both addresses are IPs LB IPAM hands out from the cluster's pool, and not the same one. */
function checkAddresses(o: ResolvedEnvoyGatewayOptions): void {
  for (const which of ["external", "internal"] as const) {
    const address = o.addresses[which];
    if (isIP(address) === 0)
      fail(`addresses.${which}`, "not an IP address", "an address such as 10.25.11.70", address);
    const problem = loadBalancerAddressProblem(address, o.settings.network.loadBalancerCidr);
    if (problem) fail(`addresses.${which}`, problem.message, problem.expected, address);
  }
  if (o.addresses.external === o.addresses.internal) {
    fail(
      "addresses",
      "the two gateways need different addresses",
      "two distinct addresses",
      o.addresses.external,
    );
  }
}

/** A DNS name (variables allowed in place of labels) whose variables the cluster defines. */
function checkDnsName(o: ResolvedEnvoyGatewayOptions, option: string, value: string, expected: string): void {
  if (!DNS_NAME.test(value.replace(VARIABLE, "x"))) {
    fail(option, "not a DNS name", expected, JSON.stringify(value));
  }
  const defined = new Set([
    ...Object.keys(settingsVariables(o.settings)),
    ...(o.settings.secretVariables ?? []),
  ]);
  for (const [, name = ""] of value.matchAll(VARIABLE)) {
    if (!defined.has(name)) {
      fail(
        option,
        `the ${option} uses \${${name}}, which the cluster does not define`,
        "a variable of the cluster settings or a name in settings.secretVariables",
        name,
      );
    }
  }
}
