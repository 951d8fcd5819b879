import type { GatewayRef, SecretStoreRef, StorageClassRef } from "@k8s-ops/core";

/** Auto-unseal through another OpenBao's (or Vault's) transit engine. */
export interface TransitSeal {
  readonly type: "transit";
  /** Address of the unsealing server, e.g. `https://bao.example.com`. */
  readonly address: string;
  /** The transit key. @default "autounseal" */
  readonly keyName?: string;
  /** The transit engine's mount path. @default "transit/" */
  readonly mountPath?: string;
  /** The item's field with the token allowed to encrypt/decrypt with the key. @default "BAO_TRANSIT_TOKEN" */
  readonly tokenField?: string;
}

/** Auto-unseal with a 32-byte static key (OpenBao ≥ 2.4) read from the secret store. */
export interface StaticSeal {
  readonly type: "static";
  /** An id for the key, changed on rotation. */
  readonly keyId: string;
  /** The item's field with the key (32 bytes, base64 or hex). @default "BAO_STATIC_UNSEAL_KEY" */
  readonly keyField?: string;
}

export type SealOptions = TransitSeal | StaticSeal;

export interface OpenBaoOptions {
  /** The storage class of the Raft volumes. */
  readonly storageClass: StorageClassRef;
  /** Auto-unseal settings. @default none: Shamir keys, unsealed by hand */
  readonly seal?: SealOptions;
  /** The store the seal's token or key is read from (required with `seal`). @default none */
  readonly store?: SecretStoreRef;
  /** The 1Password item with the seal's token or key. @default "openbao" */
  readonly item?: string;
  /** The gateway the UI and API are reached through. @default none: in-cluster only */
  readonly gateway?: GatewayRef;
  /** The public host name (required with `gateway`), e.g. `bao.${SECRET_DOMAIN}`. @default none */
  readonly hostname?: string;
  /** Raft voters. @default 3 */
  readonly replicas?: number;
  /** Size of each Raft volume. @default "10Gi" */
  readonly storageSize?: string;
  /** Namespace of the servers. @default "openbao" */
  readonly namespace?: string;
}

export interface ResolvedOpenBaoOptions
  extends Required<Omit<OpenBaoOptions, "seal" | "store" | "gateway" | "hostname">> {
  readonly seal?: SealOptions;
  readonly store?: SecretStoreRef;
  readonly gateway?: GatewayRef;
  readonly hostname?: string;
}

export function resolveOptions(options: OpenBaoOptions): ResolvedOpenBaoOptions {
  return {
    storageClass: options.storageClass,
    seal: options.seal,
    store: options.store,
    item: options.item ?? "openbao",
    gateway: options.gateway,
    hostname: options.hostname,
    replicas: options.replicas ?? 3,
    storageSize: options.storageSize ?? "10Gi",
    namespace: options.namespace ?? "openbao",
  };
}
