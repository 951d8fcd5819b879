import type { Json } from "./documents.js";

const REFERENCE = /(?<!\$)\$\{([^}]*)\}/g;
const NAME = /^[_a-zA-Z][_a-zA-Z0-9]*/;
export const VARIABLE_NAME = /^[_a-zA-Z][_a-zA-Z0-9]*$/;

/** A `${…}` Flux could not substitute. */
export interface SubstitutionProblem {
  readonly field: string;
  readonly raw: string;
  readonly name: string;
}

/**
 * Flux's postBuild substitution over one document: `${NAME}`, `${NAME:=default}`, `${NAME:-default}`; `$${…}`
 * stays literal. `values` maps each defined name to its value, or to undefined when only the name is known (a
 * Secret's key): those stay as written.
 */
export function substituteJson(
  json: Json,
  values: ReadonlyMap<string, string | undefined>,
): { json: Json; problems: SubstitutionProblem[] } {
  const problems: SubstitutionProblem[] = [];
  const walk = (value: unknown, field: string[]): unknown => {
    if (typeof value === "string")
      return substituteText(value, values, (raw, name) =>
        problems.push({ field: field.join("."), raw, name }),
      );
    if (Array.isArray(value)) return value.map((item, i) => walk(item, [...field, String(i)]));
    if (value !== null && typeof value === "object") {
      return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, walk(v, [...field, k])]));
    }
    return value;
  };
  return { json: walk(json, []) as Json, problems };
}

function substituteText(
  text: string,
  values: ReadonlyMap<string, string | undefined>,
  problem: (raw: string, name: string) => void,
): string {
  const replaced = text.replace(REFERENCE, (raw, body: string) => {
    const name = NAME.exec(body)?.[0] ?? "";
    const fallback = /^:?[=-](.*)$/.exec(body.slice(name.length))?.[1];
    if (name !== "" && values.has(name)) return values.get(name) ?? raw;
    if (name !== "" && fallback !== undefined) return fallback;
    problem(raw, name);
    return raw;
  });
  return replaced.replaceAll("$${", "${");
}

/** Whether any string in the value holds a `${…}` Flux would substitute. */
export function hasVariables(json: unknown): boolean {
  return JSON.stringify(json).match(/(?<!\$)\$\{/) !== null;
}
