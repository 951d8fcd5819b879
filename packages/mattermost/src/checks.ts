import { checkDatabaseInstances } from "@k8s-ops/cloudnative-pg";
import { isDomainName, OptionError } from "@k8s-ops/core";
import { checkItemOptions } from "@k8s-ops/external-secrets";
import type { ResolvedMattermostOptions } from "./options.js";
import { OWN_SETTINGS } from "./values.js";

const BUILDER = "mattermost";
const QUANTITY = /^[0-9]+(\.[0-9]+)?(Ki|Mi|Gi|Ti)$/;
const URL_LIKE = /^https?:\/\/[^\s/]+(:[0-9]+)?\/?$/;
const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
const SETTING = /^MM_[A-Z0-9]+_[A-Z0-9_]+$/;

function fail(field: string, message: string, expected: string, found: string): never {
  throw new OptionError({ path: `${BUILDER}: ${field}`, message, expected, found });
}

export function checkOptions(o: ResolvedMattermostOptions): void {
  if (!isDomainName(o.hostname))
    fail(
      "hostname",
      "not a host name",
      "a name such as chat.example.com or chat.${SECRET_DOMAIN}",
      JSON.stringify(o.hostname),
    );
  checkS3(o);
  checkDatabaseInstances(BUILDER, o.databaseInstances);
  if (!QUANTITY.test(o.databaseSize))
    fail("databaseSize", "not a volume size", "a quantity such as 5Gi", JSON.stringify(o.databaseSize));
  checkSettings(o.settings);
  checkItemOptions({
    builder: BUILDER,
    item: ["item", o.item],
    field: ["item", "POSTGRES_PASSWORD"],
    holds: "the database passwords",
  });
  checkItemOptions({
    builder: BUILDER,
    item: ["s3.item", o.s3.item],
    field: ["s3.item", "AWS_ACCESS_KEY_ID"],
    holds: "the S3 keys",
  });
}

function checkS3(o: ResolvedMattermostOptions): void {
  if (!URL_LIKE.test(o.s3.endpoint))
    fail("s3.endpoint", "not an S3 endpoint", "an http(s) URL without a path", JSON.stringify(o.s3.endpoint));
  if (!BUCKET.test(o.s3.bucket))
    fail(
      "s3.bucket",
      "not a bucket name",
      "3-63 lowercase letters, digits, '.' or '-'",
      JSON.stringify(o.s3.bucket),
    );
  if (o.s3.region.trim() === "") fail("s3.region", "the region is empty", "a region such as us-east-1", '""');
}

function checkSettings(settings: Readonly<Record<string, string>>): void {
  for (const [name, value] of Object.entries(settings)) {
    if (!SETTING.test(name))
      fail(
        "settings",
        "not a Mattermost setting variable",
        "MM_<SECTION>_<SETTING> in capitals, e.g. MM_TEAMSETTINGS_SITENAME",
        JSON.stringify(name),
      );
    if ((OWN_SETTINGS as readonly string[]).includes(name))
      fail(
        "settings",
        "a setting this package sets itself",
        "another setting: the site URL, the database and the file storage follow from the options",
        JSON.stringify(name),
      );
    if (typeof value !== "string")
      fail(`settings.${name}`, "not a string", "a string (environment variables are text)", String(value));
  }
}
