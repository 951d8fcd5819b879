import { checkDatabaseInstances } from "@k8s-ops/cloudnative-pg";
import { isDomainName, OptionError } from "@k8s-ops/core";
import { checkItemOptions } from "@k8s-ops/external-secrets";
import type { ResolvedHarborOptions } from "./options.js";

const BUILDER = "harbor";
const QUANTITY = /^[0-9]+(\.[0-9]+)?(Ki|Mi|Gi|Ti)$/;
const URL_LIKE = /^https?:\/\/[^\s/]+(:[0-9]+)?\/?$/;
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

function fail(field: string, message: string, expected: string, found: string): never {
  throw new OptionError({ path: `${BUILDER}: ${field}`, message, expected, found });
}

export function checkOptions(o: ResolvedHarborOptions): void {
  if (!isDomainName(o.hostname))
    fail(
      "hostname",
      "not a host name",
      "a name such as registry.example.com or registry.${SECRET_DOMAIN}",
      JSON.stringify(o.hostname),
    );
  if (!URL_LIKE.test(o.s3.endpoint))
    fail("s3.endpoint", "not an S3 endpoint", "an http(s) URL without a path", JSON.stringify(o.s3.endpoint));
  if (!BUCKET.test(o.s3.bucket))
    fail(
      "s3.bucket",
      "not a bucket name",
      "3-63 lowercase letters, digits, '.' or '-'",
      JSON.stringify(o.s3.bucket),
    );
  checkDatabaseInstances(BUILDER, o.databaseInstances);
  for (const [field, value] of [
    ["databaseSize", o.databaseSize],
    ["cacheMemory", o.cacheMemory],
  ] as const) {
    if (!QUANTITY.test(value))
      fail(field, "not a quantity", "a quantity such as 5Gi or 512Mi", JSON.stringify(value));
  }
  checkItemOptions({
    builder: BUILDER,
    item: ["item", o.item],
    field: ["item", "HARBOR_ADMIN_PASSWORD"],
    holds: "the admin and database passwords",
  });
  checkItemOptions({
    builder: BUILDER,
    item: ["s3.item", o.s3.item],
    field: ["s3.item", "AWS_ACCESS_KEY_ID"],
    holds: "the S3 keys",
  });
}
