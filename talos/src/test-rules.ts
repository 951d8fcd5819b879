// Checks for this package's tests only: what Talos validates beyond its JSON schema, and what secrets look like.
import { isRecord } from "./test-support.js";

/** Talos' own rules the schema cannot state, for the documents this package writes. */
export function talosRuleFindings(config: readonly unknown[]): string[] {
  const documents = config.filter(isRecord);
  const findings: string[] = [];
  const kinds = (kind: string) => documents.filter((document) => document.kind === kind);
  if (documents.filter((document) => document.kind === undefined).length !== 1) {
    findings.push("exactly one v1alpha1 document");
  }
  for (const hostname of kinds("HostnameConfig")) {
    const auto = hostname.auto ?? "off";
    if (auto === "off" && !hostname.hostname)
      findings.push("HostnameConfig: either 'auto' or 'hostname' must be set");
    if (auto !== "off" && hostname.hostname)
      findings.push("HostnameConfig: 'auto' and 'hostname' cannot be set at the same time");
  }
  const aliases = kinds("LinkAliasConfig").map((alias) => alias.name);
  const bonds = kinds("BondConfig");
  for (const bond of bonds) {
    const links = Array.isArray(bond.links) ? bond.links : [];
    for (const link of links)
      if (!aliases.includes(link)) findings.push(`BondConfig: link ${link} has no alias`);
  }
  for (const vip of kinds("Layer2VIPConfig")) {
    if (!bonds.some((bond) => bond.name === vip.link)) findings.push(`Layer2VIPConfig: no link ${vip.link}`);
  }
  const names = documents.filter((d) => d.kind !== undefined).map((d) => `${d.kind}/${d.name ?? ""}`);
  const twice = names.find((name, index) => names.indexOf(name) !== index);
  if (twice !== undefined) findings.push(`document ${twice} given twice`);
  return findings;
}

/** Keys under which Talos keeps keys, tokens and certificates. */
const SECRET_KEY =
  /^(ca|id|crt|acceptedCAs|aggregatorCA|serviceAccount|trustdinfo)$|(secret|token|key|cert|crt)s?$/i;
const SECRET_VALUE = [
  /-----BEGIN /, // PEM
  /^[A-Za-z0-9+/]{40,}={0,2}$/, // base64 key material
  /^[a-z0-9]{6}\.[a-z0-9]{16}$/, // bootstrap token
];

/** Every place in a value that holds, or is named like, secret material: `path: value`. */
export function secretFindings(value: unknown, path = ""): string[] {
  if (Array.isArray(value)) return value.flatMap((item, index) => secretFindings(item, `${path}[${index}]`));
  if (isRecord(value)) {
    return Object.entries(value).flatMap(([key, child]) => {
      const at = path === "" ? key : `${path}.${key}`;
      const named = SECRET_KEY.test(key) && child !== undefined && child !== null && child !== "";
      return named ? [`${at}: ${JSON.stringify(child)}`] : secretFindings(child, at);
    });
  }
  return typeof value === "string" && SECRET_VALUE.some((pattern) => pattern.test(value))
    ? [`${path}: ${value}`]
    : [];
}
