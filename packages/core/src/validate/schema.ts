import type { Finding } from "../errors.js";
import type { KubeObject } from "../object.js";

interface SchemaError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly message?: string;
  readonly params: Record<string, unknown>;
}

/** Runs the object's schema validation and turns each schema error into a finding with its field path. */
export function schemaFindings(path: string, object: KubeObject): Finding[] {
  if (!object.validate) return [];
  try {
    object.validate();
    return [];
  } catch (error) {
    const errors = (error as { errors?: SchemaError[] }).errors;
    if (!errors) return [{ code: "SCHEMA", path, message: String(error) }];
    return errors.map((schemaError) => toFinding(path, object.toJSON(), schemaError));
  }
}

function toFinding(path: string, json: unknown, error: SchemaError): Finding {
  const segments = error.instancePath.split("/").slice(1).map(unescapePointer);
  const { params } = error;
  if (error.keyword === "required") {
    const field = [...segments, String(params.missingProperty)];
    return {
      code: "SCHEMA",
      path: `${path}: ${field.join(".")}`,
      message: "required field is missing",
      expected: "a value",
      found: "nothing",
    };
  }
  if (error.keyword === "additionalProperties") {
    const field = [...segments, String(params.additionalProperty)];
    return {
      code: "SCHEMA",
      path: `${path}: ${field.join(".")}`,
      message: "unknown field",
      expected: "a field the schema defines",
      found: String(params.additionalProperty),
    };
  }
  return {
    code: "SCHEMA",
    path: `${path}: ${segments.join(".") || "(object)"}`,
    message: error.message ?? error.keyword,
    expected: expectedOf(error),
    found: JSON.stringify(valueAt(json, segments)) ?? "nothing",
  };
}

function expectedOf(error: SchemaError): string {
  const { params } = error;
  if (Array.isArray(params.allowedValues))
    return `one of ${params.allowedValues.map((v) => JSON.stringify(v)).join(", ")}`;
  if (typeof params.type === "string") return params.type;
  if (typeof params.pattern === "string") return `a value matching ${params.pattern}`;
  if (error.keyword === "maxLength") return `at most ${String(params.limit)} characters`;
  if (error.keyword === "minLength") return `at least ${String(params.limit)} characters`;
  if (error.keyword === "maxItems") return `at most ${String(params.limit)} items`;
  if (error.keyword === "minItems") return `at least ${String(params.limit)} items`;
  if (params.limit !== undefined) return `${params.comparison ?? ""} ${String(params.limit)}`.trim();
  return error.message ?? error.keyword;
}

function valueAt(json: unknown, segments: readonly string[]): unknown {
  let value = json;
  for (const segment of segments) {
    if (value === null || typeof value !== "object") return undefined;
    value = (value as Record<string, unknown>)[segment];
  }
  return value;
}

function unescapePointer(segment: string): string {
  return segment.replace(/~1/g, "/").replace(/~0/g, "~");
}
