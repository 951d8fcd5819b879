import { OptionError } from "@k8s-ops/core";
import { formats } from "@kubernetes-models/validate";
import type { Port, ResolvedNetworkPoliciesOptions } from "./options.js";
import { type EgressRule, isRule } from "./rules.js";

const LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const MAX_PORT = 65535;

function fail(path: string, message: string, expected: string, found: string): never {
  throw new OptionError({ path: `network-policies: ${path}`, message, expected, found });
}

/** Throws at the first option that would render a policy Cilium refuses or one that changes nothing. */
export function checkOptions(o: ResolvedNetworkPoliciesOptions): void {
  checkNamespaces(o);
  checkExtras(o, "egress", Object.keys(o.egress));
  checkExtras(o, "ingress", Object.keys(o.ingress));
  for (const [namespace, targets] of Object.entries(o.egress)) {
    targets.forEach((target, i) => {
      if (isRule(target)) checkRule(`egress.${namespace}[${i}]`, target);
    });
  }
  for (const [namespace, sources] of Object.entries(o.ingress)) {
    sources.forEach((source, i) => {
      const path = `ingress.${namespace}[${i}]`;
      checkCidrs(`${path}.cidrs`, Array.isArray(source.cidrs) ? source.cidrs : []);
      if (source.ports !== undefined) checkPorts(`${path}.ports`, source.ports);
    });
  }
}

function checkNamespaces(o: ResolvedNetworkPoliciesOptions): void {
  const named: [string, string][] = [
    ...o.exempt.map((ns, i): [string, string] => [`exempt[${i}]`, ns]),
    ["gatewayNamespace", o.gatewayNamespace],
    ["monitoringNamespace", o.monitoringNamespace],
    ...Object.keys(o.egress).map((ns): [string, string] => [`egress.${ns}`, ns]),
    ...Object.keys(o.ingress).map((ns): [string, string] => [`ingress.${ns}`, ns]),
  ];
  for (const [path, ns] of named) {
    if (ns.length > 63 || !LABEL.test(ns))
      fail(path, "not a namespace name", "a DNS label such as cert-manager", JSON.stringify(ns));
  }
}

/** Extra allows in an exempt namespace would change nothing: it is open already. */
function checkExtras(o: ResolvedNetworkPoliciesOptions, option: string, namespaces: string[]): void {
  const pointless = namespaces.find((ns) => o.exempt.includes(ns));
  if (pointless === undefined) return;
  fail(
    `${option}.${pointless}`,
    `the namespace is exempt from default deny, so extra ${option} would change nothing`,
    `${option} only for namespaces under default deny`,
    pointless,
  );
}

/** CIDRs must parse; ports, required with an entity, must be ports and ranges that run upwards. */
function checkRule(path: string, rule: EgressRule): void {
  if ("cidrs" in rule) checkCidrs(`${path}.cidrs`, rule.cidrs);
  if ("entity" in rule || rule.ports !== undefined) checkPorts(`${path}.ports`, rule.ports ?? []);
}

function checkCidrs(path: string, cidrs: readonly string[]): void {
  if (cidrs.length === 0) fail(path, "no addresses", "one CIDR or more", "[]");
  cidrs.forEach((cidr, i) => {
    if (!isCidr(cidr))
      fail(
        `${path}[${i}]`,
        "not a CIDR",
        "an IPv4 or IPv6 network with its prefix length, such as 10.25.11.72/32",
        JSON.stringify(cidr),
      );
  });
}

function checkPorts(path: string, ports: readonly Port[]): void {
  if (ports.length === 0) fail(path, "no ports", "one port or more", "[]");
  ports.forEach((entry, i) => {
    const { port, endPort } = typeof entry === "number" ? { port: entry, endPort: undefined } : entry;
    if (!isPort(port)) fail(`${path}[${i}]`, "not a port", `an integer in 1..${MAX_PORT}`, String(port));
    if (endPort !== undefined && (!isPort(endPort) || endPort <= port))
      fail(
        `${path}[${i}].endPort`,
        "not the end of a port range",
        `an integer in ${port + 1}..${MAX_PORT}`,
        String(endPort),
      );
  });
}

function isPort(value: number): boolean {
  return Number.isInteger(value) && value >= 1 && value <= MAX_PORT;
}

/** Validates a string: how `@kubernetes-models/validate` declares its formats' functions. */
function isStringCheck(check: unknown): check is (value: string) => boolean {
  return typeof check === "function";
}

/** The check the Kubernetes models (and so this package's objects' validation) apply to a CIDR: `is-cidr`'s. */
const CIDR_FORMAT = formats.cidr;

function isCidr(value: string): boolean {
  if (typeof CIDR_FORMAT !== "object" || CIDR_FORMAT instanceof RegExp) return false;
  return isStringCheck(CIDR_FORMAT.validate) && CIDR_FORMAT.validate(value) === true;
}
