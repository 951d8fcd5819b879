import { type StoreSecret, storeSecret } from "@k8s-ops/external-secrets";
import type { ResolvedGitLabOptions } from "./options.js";

/** The object types GitLab's Rails side stores (`global.appConfig.<type>.bucket`), and their bucket suffixes. */
const APP_BUCKETS = {
  lfs: "lfs",
  artifacts: "artifacts",
  uploads: "uploads",
  packages: "packages",
  externalDiffs: "mr-diffs",
  terraformState: "terraform-state",
  ciSecureFiles: "ci-secure-files",
  dependencyProxy: "dependency-proxy",
} as const;

export type AppBucketType = keyof typeof APP_BUCKETS;

/** Every bucket GitLab uses; all must exist before it starts (one per type, as backup and restore require). */
export interface GitLabBuckets {
  /** By `global.appConfig` object type. */
  readonly app: Readonly<Record<AppBucketType, string>>;
  /** Container registry images. */
  readonly registry: string;
  /** Backups written by the toolbox. */
  readonly backups: string;
  /** The scratch bucket a restore uses. */
  readonly tmp: string;
}

/** The keys of the object storage Secret: the Rails connection, the registry storage and the s3cmd config. */
export const STORAGE_KEYS = { connection: "connection", registry: "registry", backups: "backups" } as const;

/** The longest bucket suffix: the prefix may be at most 63 minus this minus one characters. */
export const LONGEST_BUCKET_SUFFIX = Math.max(...Object.values(APP_BUCKETS).map((suffix) => suffix.length));

export function bucketsOf(prefix: string): GitLabBuckets {
  const name = (suffix: string) => `${prefix}-${suffix}`;
  const app: Record<AppBucketType, string> = {
    lfs: name(APP_BUCKETS.lfs),
    artifacts: name(APP_BUCKETS.artifacts),
    uploads: name(APP_BUCKETS.uploads),
    packages: name(APP_BUCKETS.packages),
    externalDiffs: name(APP_BUCKETS.externalDiffs),
    terraformState: name(APP_BUCKETS.terraformState),
    ciSecureFiles: name(APP_BUCKETS.ciSecureFiles),
    dependencyProxy: name(APP_BUCKETS.dependencyProxy),
  };
  return { app, registry: name("registry"), backups: name("backups"), tmp: name("tmp") };
}

/** All bucket names, for the README and for whoever creates them. */
export function bucketNames(buckets: GitLabBuckets): string[] {
  return [...Object.values(buckets.app), buckets.registry, buckets.backups, buckets.tmp];
}

const ACCESS_KEY = "{{ .AWS_ACCESS_KEY_ID }}";
const SECRET_KEY = "{{ .AWS_SECRET_ACCESS_KEY }}";

/**
 * One Secret, built from the S3 keys in 1Password, with the three configurations GitLab reads: the Fog connection of
 * the consolidated object storage, the registry's `s3_v2` storage driver and the toolbox's s3cmd config.
 */
export function objectStorageSecret(o: ResolvedGitLabOptions, buckets: GitLabBuckets): StoreSecret {
  const { endpoint, region, item } = o.objectStorage;
  return storeSecret({
    name: "gitlab-object-storage",
    store: o.store,
    item,
    template: {
      [STORAGE_KEYS.connection]: connection(endpoint, region),
      [STORAGE_KEYS.registry]: registryStorage(endpoint, region, buckets.registry),
      [STORAGE_KEYS.backups]: s3cmdConfig(endpoint, region),
    },
  });
}

/** Fog's AWS provider against an S3-compatible endpoint: path-style requests, no virtual-host buckets. */
function connection(endpoint: string, region: string): string {
  return [
    "provider: AWS",
    `region: ${region}`,
    `aws_access_key_id: "${ACCESS_KEY}"`,
    `aws_secret_access_key: "${SECRET_KEY}"`,
    `endpoint: "${endpoint}"`,
    "path_style: true",
    "",
  ].join("\n");
}

function registryStorage(endpoint: string, region: string, bucket: string): string {
  return [
    "s3_v2:",
    `  accesskey: "${ACCESS_KEY}"`,
    `  secretkey: "${SECRET_KEY}"`,
    `  bucket: ${bucket}`,
    `  region: ${region}`,
    `  regionendpoint: "${endpoint}"`,
    "  pathstyle: true",
    "",
  ].join("\n");
}

function s3cmdConfig(endpoint: string, region: string): string {
  const [, scheme = "http", host = endpoint] = /^(https?):\/\/([^/]+)\/?$/.exec(endpoint) ?? [];
  return [
    "[default]",
    `access_key = ${ACCESS_KEY}`,
    `secret_key = ${SECRET_KEY}`,
    `bucket_location = ${region}`,
    `host_base = ${host}`,
    `host_bucket = ${host}`,
    `use_https = ${scheme === "https" ? "True" : "False"}`,
    "signature_v2 = False",
    "",
  ].join("\n");
}
