import { isIPv4 } from "node:net";
import { checkDatabaseInstances } from "@k8s-ops/cloudnative-pg";
import { isDomainName, OptionError } from "@k8s-ops/core";
import { checkItemOptions } from "@k8s-ops/external-secrets";
import type { ResolvedGitLabOptions } from "./options.js";
import { LONGEST_BUCKET_SUFFIX } from "./storage.js";

const BUILDER = "gitlab";
const QUANTITY = /^[0-9]+(\.[0-9]+)?(Ki|Mi|Gi|Ti)$/;
const URL_LIKE = /^https?:\/\/[^\s/]+(:[0-9]+)?\/?$/;
/** The longest suffix still makes a bucket name of at most 63 characters. */
const PREFIX_MAX = 63 - LONGEST_BUCKET_SUFFIX - 1;
const BUCKET_PREFIX = new RegExp(`^[a-z0-9][a-z0-9-]{1,${PREFIX_MAX - 1}}$`);

function fail(field: string, message: string, expected: string, found: string): never {
  throw new OptionError({ path: `${BUILDER}: ${field}`, message, expected, found });
}

function checkHost(field: string, value: string, example: string): void {
  if (!isDomainName(value))
    fail(field, "not a host name", `a name such as ${example}`, JSON.stringify(value));
}

export function checkOptions(o: ResolvedGitLabOptions): void {
  checkHost("hostname", o.hostname, "gitlab.example.com or gitlab.${SECRET_DOMAIN}");
  checkHost("registryHostname", o.registryHostname, "registry.example.com or registry.${SECRET_DOMAIN}");
  if (o.registryHostname === o.hostname)
    fail(
      "registryHostname",
      "the registry needs a host name of its own",
      `a name other than ${JSON.stringify(o.hostname)}`,
      JSON.stringify(o.registryHostname),
    );
  checkObjectStorage(o);
  checkSsh(o);
  checkSizes(o);
  checkItemOptions({
    builder: BUILDER,
    item: ["item", o.item],
    field: ["item", "GITLAB_ROOT_PASSWORD"],
    holds: "the root and database passwords",
  });
}

function checkObjectStorage(o: ResolvedGitLabOptions): void {
  const { endpoint, bucketPrefix, item } = o.objectStorage;
  if (!URL_LIKE.test(endpoint))
    fail(
      "objectStorage.endpoint",
      "not an S3 endpoint",
      "an http(s) URL without a path",
      JSON.stringify(endpoint),
    );
  if (!BUCKET_PREFIX.test(bucketPrefix) || bucketPrefix.endsWith("-"))
    fail(
      "objectStorage.bucketPrefix",
      "not a bucket name prefix",
      `2-${PREFIX_MAX} lowercase letters, digits or '-', not ending in '-'`,
      JSON.stringify(bucketPrefix),
    );
  checkItemOptions({
    builder: BUILDER,
    item: ["objectStorage.item", item],
    field: ["objectStorage.item", "AWS_ACCESS_KEY_ID"],
    holds: "the S3 keys",
  });
}

function checkSsh(o: ResolvedGitLabOptions): void {
  if (!o.ssh) return;
  checkHost("ssh.hostname", o.ssh.hostname, "ssh.gitlab.example.com");
  if (!isIPv4(o.ssh.address))
    fail(
      "ssh.address",
      "not an IPv4 address",
      "an address of the cluster's LoadBalancer pool",
      JSON.stringify(o.ssh.address),
    );
}

function checkSizes(o: ResolvedGitLabOptions): void {
  checkDatabaseInstances(BUILDER, o.databaseInstances);
  for (const [field, value] of [
    ["databaseSize", o.databaseSize],
    ["gitalySize", o.gitalySize],
  ] as const) {
    if (!QUANTITY.test(value))
      fail(field, "not a volume size", "a quantity such as 50Gi", JSON.stringify(value));
  }
}
