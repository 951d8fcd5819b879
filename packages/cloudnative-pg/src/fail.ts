import { OptionError } from "@k8s-ops/core";
import type { ResolvedClusterOptions } from "./cluster-options.js";
import { TEMPLATE_FIELD } from "./formats.js";

/** Throws the OptionError of one option of a postgresCluster(). */
export type Fail = (field: string, message: string, expected: string, found: string) => never;

export function failer(o: ResolvedClusterOptions): Fail {
  return (field, message, expected, found) => {
    throw new OptionError({ path: `postgresCluster(${o.name}): ${field}`, message, expected, found });
  };
}

/** A 1Password field must be one a secret template can read. */
export function checkField(fail: Fail, field: string, value: string): void {
  if (!TEMPLATE_FIELD.test(value))
    fail(
      field,
      "not a field name the secret template can read",
      "letters, digits and '_', not starting with a digit",
      JSON.stringify(value),
    );
}
