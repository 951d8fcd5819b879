import type { CelInput } from "@bufbuild/cel";

/** A value found at a schema path, with the concrete field path it was found at. */
export interface FoundValue {
  readonly value: unknown;
  readonly field: string;
}

/**
 * The values a schema path (`spec.listeners[*].tls`, `spec.labels{*}`, "" for the root) selects in an object:
 * `[*]` expands list items, `{*}` map values. Absent values select nothing, as the API server skips rules on absent
 * fields.
 */
export function valuesAt(json: unknown, path: string): FoundValue[] {
  let current: FoundValue[] = [{ value: json, field: "" }];
  for (const step of steps(path)) {
    current = current.flatMap(({ value, field }) => {
      if (step === "[*]")
        return Array.isArray(value) ? value.map((v, i) => ({ value: v, field: join(field, String(i)) })) : [];
      if (step === "{*}")
        return isMap(value)
          ? Object.entries(value).map(([k, v]) => ({ value: v, field: join(field, k) }))
          : [];
      return isMap(value) && value[step] !== undefined
        ? [{ value: value[step], field: join(field, step) }]
        : [];
    });
  }
  return current;
}

function steps(path: string): string[] {
  return path.match(/\[\*\]|\{\*\}|[^.[{]+/g) ?? [];
}

function join(field: string, key: string): string {
  return field === "" ? key : `${field}.${key}`;
}

function isMap(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

/** Words CEL reserves: the API server exposes properties with these names as `__<word>__`. */
const RESERVED = new Set([
  ...["true", "false", "null", "in", "as", "break", "const", "continue", "else", "for", "function", "if"],
  ...["import", "let", "loop", "package", "namespace", "return", "var", "void", "while"],
]);

/** A property name as Kubernetes CEL exposes it (reserved words escaped, e.g. `namespace` → `__namespace__`). */
export function escapeProperty(name: string): string {
  return RESERVED.has(name) ? `__${name}__` : name;
}

/**
 * JSON to CEL input: objects become maps (reserved property names escaped as the API server does), integral
 * numbers CEL ints, as the API server types integer fields.
 */
export function toCel(value: unknown): CelInput {
  if (Array.isArray(value)) return value.map(toCel);
  if (isMap(value)) return new Map(Object.entries(value).map(([k, v]) => [escapeProperty(k), toCel(v)]));
  if (typeof value === "number" && Number.isInteger(value)) return BigInt(value);
  return value as CelInput;
}
