// Small checks for the hand-written models. They report errors in ajv's shape, so a hand-written model's
// validate() throws the same kind of error as a generated one ("data/spec must have required property x"),
// and core turns both into the same findings.
import type { ValidateFunc } from "@kubernetes-models/validate";

/** One validation error, as ajv reports it. */
export type SchemaIssue = NonNullable<ValidateFunc<unknown>["errors"]>[number];

export type JsonObject = { readonly [key: string]: unknown };

export type JsonType = "string" | "integer" | "boolean" | "object" | "array";

export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function hasType(value: unknown, type: JsonType): boolean {
  switch (type) {
    case "object":
      return isObject(value);
    case "array":
      return Array.isArray(value);
    case "integer":
      return Number.isInteger(value);
    default:
      return typeof value === type;
  }
}

/** Collects the issues of one validation run. Paths are JSON pointers ("" for the object itself). */
export class Issues {
  readonly list: SchemaIssue[] = [];

  private add(instancePath: string, keyword: string, params: Record<string, unknown>): void {
    this.list.push({ instancePath, schemaPath: `#/${keyword}`, keyword, params });
  }

  /** Reports each of `keys` missing from `object`. */
  required(object: JsonObject, path: string, keys: readonly string[]): void {
    for (const key of keys) {
      if (object[key] === undefined) this.add(path, "required", { missingProperty: key });
    }
  }

  /** Checks the type of a value that is present; returns whether it has the type. */
  type(value: unknown, path: string, type: JsonType): boolean {
    if (value === undefined) return false;
    if (hasType(value, type)) return true;
    this.add(path, "type", { type });
    return false;
  }

  /** Returns `value` when it is an object; reports a type error when it is present but is not. */
  object(value: unknown, path: string): JsonObject | undefined {
    if (isObject(value)) return value;
    this.type(value, path, "object");
    return undefined;
  }

  /** Returns `value` when it is a list; reports a type error when it is present but is not. */
  array(value: unknown, path: string): readonly unknown[] | undefined {
    if (Array.isArray(value)) return value;
    this.type(value, path, "array");
    return undefined;
  }

  /** Each object of a list that is present, with its path; reports the items that are not objects. */
  objects(value: unknown, path: string): [JsonObject, string][] {
    const items: [JsonObject, string][] = [];
    (this.array(value, path) ?? []).forEach((item, index) => {
      const object = this.object(item, `${path}/${index}`);
      if (object) items.push([object, `${path}/${index}`]);
    });
    return items;
  }

  /** Checks the type of each present field of `object`. */
  fields(object: JsonObject, path: string, types: Readonly<Record<string, JsonType>>): void {
    for (const [key, type] of Object.entries(types)) this.type(object[key], `${path}/${key}`, type);
  }

  /** Checks that a present value is one of `allowed`. */
  oneOf(value: unknown, path: string, allowed: readonly unknown[]): void {
    if (value !== undefined && !allowed.includes(value)) this.add(path, "enum", { allowedValues: allowed });
  }

  /** Checks that a present integer is at least `limit`. */
  minimum(value: unknown, path: string, limit: number): void {
    if (typeof value === "number" && value < limit) this.add(path, "minimum", { comparison: ">=", limit });
  }
}

/** apiVersion, kind and metadata.name: what every hand-written model requires. */
export function checkTypeMeta(
  issues: Issues,
  data: unknown,
  apiVersion: string,
  kind: string,
): JsonObject | undefined {
  if (!isObject(data)) {
    issues.type(data ?? null, "", "object");
    return undefined;
  }
  issues.required(data, "", ["apiVersion", "kind", "metadata", "spec"]);
  issues.oneOf(data.apiVersion, "/apiVersion", [apiVersion]);
  issues.oneOf(data.kind, "/kind", [kind]);
  const metadata = issues.object(data.metadata, "/metadata");
  if (metadata) {
    issues.required(metadata, "/metadata", ["name"]);
    issues.fields(metadata, "/metadata", {
      name: "string",
      namespace: "string",
      labels: "object",
      annotations: "object",
    });
  }
  return data;
}

/**
 * A validate function for `setValidateFunc` from a function that collects issues: valid when it reports none.
 * `errors` holds the issues of the last run, as with ajv's compiled validators.
 */
export function createValidate<T>(collect: (data: unknown, issues: Issues) => void): ValidateFunc<T> {
  const validate: ValidateFunc<T> = (data: unknown): data is T => {
    const issues = new Issues();
    collect(data, issues);
    validate.errors = issues.list.length > 0 ? issues.list : null;
    return issues.list.length === 0;
  };
  return validate;
}
