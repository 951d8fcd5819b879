import { OptionError, type SecretStoreRef } from "@k8s-ops/core";
import { ExternalSecret } from "@kubernetes-models/external-secrets/external-secrets.io/v1/ExternalSecret";

export interface ExternalSecretOptions {
  /** Name of the ExternalSecret (a DNS subdomain). */
  readonly name: string;
  /** The store to read from: the `secretStore` an external-secrets component exports. */
  readonly store: SecretStoreRef;
  /** The 1Password item whose fields the Secret is built from (`dataFrom: [{ extract: { key: item } }]`). */
  readonly item: string;
  /**
   * The Secret's keys as templates (engine v2) over the item's fields, e.g. `{ "api-token": "{{ .TOKEN }}" }`.
   * @default none: every field of the item becomes a key as it is
   */
  readonly template?: Readonly<Record<string, string>>;
  /** Name of the Secret the operator writes. @default `<name>-secret` */
  readonly targetName?: string;
  /** How often the operator re-reads the item, as a Go duration. @default the operator's default (1h) */
  readonly refreshInterval?: string;
}

/** An ExternalSecret together with what the app that deploys it must declare, so it waits for the store. */
export interface StoreSecret {
  readonly object: ExternalSecret;
  /** Put these in the app's `uses`: the app then depends on the store being ready. */
  readonly uses: readonly [SecretStoreRef];
  /** Name of the Secret the operator writes, for `secretKeyRef`s and `envFrom`s. */
  readonly secretName: string;
}

const SUBDOMAIN = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/;
const SECRET_KEY = /^[-._a-zA-Z0-9]+$/;
const DURATION = /^(\d+(\.\d+)?(ns|us|µs|ms|s|m|h))+$/;

/**
 * An ExternalSecret that reads one 1Password item from the store (a ClusterSecretStore, or a SecretStore when the
 * reference has a namespace) and writes one Secret, optionally shaped by a template.
 */
export function externalSecret(options: ExternalSecretOptions): ExternalSecret {
  checkOptions(options);
  const template = options.template
    ? { engineVersion: "v2" as const, data: { ...options.template } }
    : undefined;
  return new ExternalSecret({
    metadata: { name: options.name },
    spec: {
      dataFrom: [{ extract: { key: options.item } }],
      refreshInterval: options.refreshInterval,
      secretStoreRef: {
        kind: options.store.namespace ? "SecretStore" : "ClusterSecretStore",
        name: options.store.name,
      },
      target: { name: targetName(options), template },
    },
  });
}

/** `externalSecret()` plus the `uses` its app must declare and the Secret's name: the way apps take a secret. */
export function storeSecret(options: ExternalSecretOptions): StoreSecret {
  return { object: externalSecret(options), uses: [options.store], secretName: targetName(options) };
}

function targetName(options: ExternalSecretOptions): string {
  return options.targetName ?? `${options.name}-secret`;
}

function checkOptions(options: ExternalSecretOptions): void {
  const at = `externalSecret(${options.name})`;
  const fail = (field: string, message: string, expected: string, found: string): never => {
    throw new OptionError({ path: `${at}: ${field}`, message, expected, found });
  };
  const subdomain = "a lowercase RFC 1123 subdomain such as cloudflare-dns";
  if (!SUBDOMAIN.test(options.name))
    fail("name", "not a valid object name", subdomain, JSON.stringify(options.name));
  if (options.targetName !== undefined && !SUBDOMAIN.test(options.targetName))
    fail("targetName", "not a valid Secret name", subdomain, JSON.stringify(options.targetName));
  if (options.item.trim() === "")
    fail("item", "the 1Password item name is empty", "the name of an item in the store's vault", '""');
  for (const key of Object.keys(options.template ?? {})) {
    if (!SECRET_KEY.test(key))
      fail(
        `template.${key}`,
        "not a valid Secret key",
        "letters, digits, '-', '_' or '.'",
        JSON.stringify(key),
      );
  }
  if (options.refreshInterval !== undefined && !DURATION.test(options.refreshInterval))
    fail("refreshInterval", "not a Go duration", "a duration such as 1h or 30m", options.refreshInterval);
}
