import type { ResolvedMattermostOptions } from "./options.js";

/** The settings (environment variables) this package sets itself; `settings` may not repeat them. */
export const OWN_SETTINGS = [
  "MM_CONFIG",
  "MM_SERVICESETTINGS_SITEURL",
  "MM_SQLSETTINGS_DRIVERNAME",
  "MM_SQLSETTINGS_DATASOURCE",
  "MM_FILESETTINGS_DRIVERNAME",
  "MM_FILESETTINGS_AMAZONS3BUCKET",
  "MM_FILESETTINGS_AMAZONS3ENDPOINT",
  "MM_FILESETTINGS_AMAZONS3REGION",
  "MM_FILESETTINGS_AMAZONS3SSL",
  "MM_FILESETTINGS_AMAZONS3ACCESSKEYID",
  "MM_FILESETTINGS_AMAZONS3SECRETACCESSKEY",
] as const;

/** The Secret keys of the S3 keys' ExternalSecret target. */
export const S3_KEYS = { accessKey: "AWS_ACCESS_KEY_ID", secretKey: "AWS_SECRET_ACCESS_KEY" } as const;

/** The values path the database connection string is read into (from a Secret, through `valuesFrom`). */
export const CONNECTION_PATH = "externalDB.externalConnectionString";

/** Host and port of an http(s) URL without a path, and whether it is https: what `AmazonS3Endpoint`/`SSL` take. */
export function s3Endpoint(url: string): { host: string; ssl: boolean } {
  const ssl = url.startsWith("https://");
  return { host: url.replace(/^https?:\/\//, "").replace(/\/$/, ""), ssl };
}

/**
 * The chart's values: the external PostgreSQL instead of the bundled MySQL (its connection string comes through
 * `valuesFrom`), S3 file storage instead of volumes, the site URL and the extra settings as the chart's `config`
 * environment, the S3 keys as environment from the ExternalSecret's Secret.
 */
export function mattermostValues(o: ResolvedMattermostOptions, s3Secret: string): Record<string, unknown> {
  const endpoint = s3Endpoint(o.s3.endpoint);
  return {
    config: {
      ...o.settings,
      MM_FILESETTINGS_AMAZONS3BUCKET: o.s3.bucket,
      MM_FILESETTINGS_AMAZONS3ENDPOINT: endpoint.host,
      MM_FILESETTINGS_AMAZONS3REGION: o.s3.region,
      MM_FILESETTINGS_AMAZONS3SSL: String(endpoint.ssl),
      MM_FILESETTINGS_DRIVERNAME: "amazons3",
      MM_SERVICESETTINGS_SITEURL: `https://${o.hostname}`,
    },
    externalDB: { enabled: true, externalDriverType: "postgres" },
    extraEnvVars: [
      secretEnv("MM_FILESETTINGS_AMAZONS3ACCESSKEYID", s3Secret, S3_KEYS.accessKey),
      secretEnv("MM_FILESETTINGS_AMAZONS3SECRETACCESSKEY", s3Secret, S3_KEYS.secretKey),
    ],
    mysql: { enabled: false },
    // Files and managed plugin bundles live in the bucket; Mattermost syncs plugins from it on start.
    persistence: { data: { enabled: false }, plugins: { enabled: false } },
  };
}

function secretEnv(name: string, secret: string, key: string): Record<string, unknown> {
  return { name, valueFrom: { secretKeyRef: { name: secret, key } } };
}
