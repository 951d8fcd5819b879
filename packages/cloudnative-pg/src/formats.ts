/** The syntax checks the builders apply to option values before they use them. */

/** A DNS-1035 label: what a Cluster name must be for its services to be valid. */
export const DNS_LABEL = /^[a-z]([-a-z0-9]*[a-z0-9])?$/;

/** A Kubernetes quantity, e.g. `20Gi`, `500M`, `1.5Ti`. */
const QUANTITY = /^([0-9]+(\.[0-9]+)?)(Ki|Mi|Gi|Ti|Pi|Ei|k|M|G|T|P|E)?$/;

/** A lowercase PostgreSQL identifier (no quoting needed). */
export const PG_IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** A field name a secret template can read as `{{ .<field> }}`. */
export const TEMPLATE_FIELD = /^[_a-zA-Z][_a-zA-Z0-9]*$/;

/** An S3 bucket name. */
export const BUCKET = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;

/** A folder inside a bucket: segments without spaces, no leading or trailing slash. */
export const BUCKET_PATH = /^[A-Za-z0-9._-]+(\/[A-Za-z0-9._-]+)*$/;

/** barman's retention policy: days, weeks or months. */
export const RETENTION = /^[1-9][0-9]*[dwm]$/;

/** A duration such as `24h`, `15m` or `1h30m`. */
export const DURATION = /^([0-9]+[smhd])+$/;

/** An RFC 3339 timestamp. */
export const TIMESTAMP = /^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:?\d{2})$/;

/** An http(s) URL, `${VAR}`s allowed anywhere. */
export function isEndpoint(value: string): boolean {
  return /^https?:\/\/[^\s/]+(\/\S*)?$/.test(value.replace(/\$\{[_a-zA-Z][_a-zA-Z0-9]*\}/g, "x"));
}

/** A positive Kubernetes quantity. */
export function isSize(value: string): boolean {
  const match = QUANTITY.exec(value);
  return match !== null && Number(match[1]) > 0;
}

/** A 6-field cron (seconds, minutes, hours, day of month, month, day of week), as CloudNativePG schedules. */
export function isSixFieldCron(value: string): boolean {
  const fields = value.trim().split(/\s+/);
  return fields.length === 6 && fields.every((field) => /^[0-9A-Za-z*?/,#LW-]+$/.test(field));
}
