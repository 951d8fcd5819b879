import { isDomainName, OptionError } from "@k8s-ops/core";
import { checkItemOptions } from "@k8s-ops/external-secrets";
import type { ResolvedAuthentikOptions } from "./options.js";

const BUILDER = "authentik";
const QUANTITY = /^[0-9]+(\.[0-9]+)?(Ki|Mi|Gi|Ti)$/;

function fail(field: string, message: string, expected: string, found: string): never {
  throw new OptionError({ path: `${BUILDER}: ${field}`, message, expected, found });
}

export function checkOptions(o: ResolvedAuthentikOptions): void {
  if (!isDomainName(o.hostname))
    fail(
      "hostname",
      "not a host name",
      "a name such as auth.example.com or auth.${SECRET_DOMAIN}",
      JSON.stringify(o.hostname),
    );
  for (const [field, value] of [
    ["serverReplicas", o.serverReplicas],
    ["workerReplicas", o.workerReplicas],
    ["databaseInstances", o.databaseInstances],
  ] as const) {
    if (!Number.isInteger(value) || value < 1)
      fail(field, "needs at least one", "an integer ≥ 1", String(value));
  }
  if (!QUANTITY.test(o.databaseSize))
    fail("databaseSize", "not a volume size", "a quantity such as 5Gi", JSON.stringify(o.databaseSize));
  checkItemOptions({
    builder: BUILDER,
    item: ["item", o.item],
    field: ["item", "AUTHENTIK_SECRET_KEY"],
    holds: "the secret key and database passwords",
  });
}
