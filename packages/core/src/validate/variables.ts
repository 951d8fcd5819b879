import type { Finding } from "../errors.js";
import type { KubeObject } from "../object.js";

const REFERENCE = /(?<!\$)\$\{([^}]*)\}/g;
const NAME = /^[_a-zA-Z][_a-zA-Z0-9]*/;

export const SUBSTITUTE_DISABLED = "kustomize.toolkit.fluxcd.io/substitute";

/** One `${…}` in a rendered value, as Flux's envsubst reads it. */
export interface VariableUse {
  readonly name: string;
  readonly hasDefault: boolean;
  readonly raw: string;
}

export function variableUses(text: string): VariableUse[] {
  return [...text.matchAll(REFERENCE)].map((match) => {
    const body = match[1] ?? "";
    const name = NAME.exec(body)?.[0] ?? "";
    const rest = body.slice(name.length);
    return { name, hasDefault: /^:?[=-]/.test(rest), raw: match[0] };
  });
}

/** Replaces each `${NAME}` (or `${NAME:=default}`) as Flux would, leaving unknown ones as they are. */
export function substitute(text: string, values: Readonly<Record<string, string>>): string {
  return text.replace(REFERENCE, (raw, body: string) => {
    const name = NAME.exec(body)?.[0] ?? "";
    const fallback = /^:?[=-](.*)$/.exec(body.slice(name.length))?.[1];
    return values[name] ?? fallback ?? raw;
  });
}

/**
 * Stands in for the value of a secret variable when objects are checked against their schemas: a hostname under the
 * reserved `.invalid` domain, so `grafana.${SECRET_DOMAIN}` or `admin@${SECRET_DOMAIN}` check as Flux will apply them.
 */
export const SECRET_PLACEHOLDER = "k8s-ops.invalid";

/** A copy of the model with every `${VAR}` replaced as Flux will, for schema checks; the object itself if none. */
export function substituted(object: KubeObject, values: Readonly<Record<string, string>>): KubeObject {
  const json = JSON.stringify(object.toJSON());
  if (!json.includes("${")) return object;
  const replaced = JSON.parse(json, (_key, value) =>
    typeof value === "string" ? substitute(value, values) : value,
  );
  const Model = object.constructor as new (data: unknown) => KubeObject;
  try {
    const copy = new Model(replaced);
    return typeof copy.validate === "function" ? copy : object;
  } catch {
    return object;
  }
}

/** Every `${VAR}` in the value must be defined, or carry a default, or Flux substitutes an empty string. */
export function variableFindings(path: string, value: unknown, defined: ReadonlySet<string>): Finding[] {
  const findings: Finding[] = [];
  walkStrings(value, [], (text, field) => {
    for (const use of variableUses(text)) {
      if (use.name === "") {
        findings.push({
          code: "VAR_UNDEFINED",
          path: `${path}: ${field.join(".")}`,
          message: "substitution has no valid variable name",
          expected: "${NAME} with NAME matching ^[_a-zA-Z][_a-zA-Z0-9]*$",
          found: use.raw,
        });
      } else if (!use.hasDefault && !defined.has(use.name)) {
        findings.push({
          code: "VAR_UNDEFINED",
          path: `${path}: ${field.join(".")}`,
          message: `variable ${use.name} is not defined`,
          expected: `one of ${[...defined].sort().join(", ")}, or \${${use.name}:=default}`,
          found: use.raw,
        });
      }
    }
  });
  return findings;
}

function walkStrings(value: unknown, field: string[], visit: (text: string, field: string[]) => void): void {
  if (typeof value === "string") visit(value, field);
  else if (Array.isArray(value)) {
    for (const [index, item] of value.entries()) walkStrings(item, [...field, String(index)], visit);
  } else if (value !== null && typeof value === "object") {
    for (const [key, item] of Object.entries(value)) walkStrings(item, [...field, key], visit);
  }
}
