import { checkDatabaseInstances } from "@k8s-ops/cloudnative-pg";
import { isDomainName, OptionError } from "@k8s-ops/core";
import { checkItemOptions } from "@k8s-ops/external-secrets";
import type { ResolvedKeycloakOptions } from "./options.js";

const BUILDER = "keycloak";
const QUANTITY = /^[0-9]+(\.[0-9]+)?(Ki|Mi|Gi|Ti)$/;
const REALM = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;

function fail(field: string, message: string, expected: string, found: string): never {
  throw new OptionError({ path: `${BUILDER}: ${field}`, message, expected, found });
}

export function checkOptions(o: ResolvedKeycloakOptions): void {
  if (!o.operatorChart.url.startsWith("oci://"))
    fail(
      "operatorChart.url",
      "not an OCI chart",
      "oci://registry/path/chart",
      JSON.stringify(o.operatorChart.url),
    );
  if (!isDomainName(o.hostname))
    fail(
      "hostname",
      "not a host name",
      "a name such as sso.example.com or sso.${SECRET_DOMAIN}",
      JSON.stringify(o.hostname),
    );
  if (!Number.isInteger(o.instances) || o.instances < 1)
    fail("instances", "Keycloak needs at least one instance", "an integer ≥ 1", String(o.instances));
  checkDatabaseInstances(BUILDER, o.databaseInstances);
  if (!QUANTITY.test(o.databaseSize))
    fail("databaseSize", "not a volume size", "a quantity such as 5Gi", JSON.stringify(o.databaseSize));
  const realm = Object.keys(o.realms).find((name) => !REALM.test(name) || name === "master");
  if (realm !== undefined)
    fail(
      "realms",
      "not a realm this package may import",
      "lowercase letters, digits and '-', not master",
      JSON.stringify(realm),
    );
  checkItemOptions({
    builder: BUILDER,
    item: ["item", o.item],
    field: ["item", "KEYCLOAK_ADMIN_PASSWORD"],
    holds: "the admin and database passwords",
  });
}
