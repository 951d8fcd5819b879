import type { BackupOptions, PostgresCredentials } from "@k8s-ops/cloudnative-pg";
import {
  type GatewayRef,
  type Layer,
  type PackageSource,
  packageOf,
  type SecretStoreRef,
  type StorageClassRef,
  type VolumeSnapshotClassRef,
} from "@k8s-ops/core";
import type { GatusCheckOptions } from "@k8s-ops/gatus";
import type { MoverSecurityContext, ResticRepository, Retention } from "@k8s-ops/volsync";

/** The container image: a tag for people and a digest for the cluster (`repository:tag@digest`). */
export interface ImageOptions {
  /** e.g. `docker.io/library/odoo`; the caller's constant carries the Renovate annotation. */
  readonly repository: string;
  /** e.g. `18.0`. */
  readonly tag: string;
  /** The image's digest, `sha256:` and 64 hex digits, as the registry reports it (never invented). */
  readonly digest: string;
}

/** Where the app is reachable: an HTTPRoute on a gateway of the envoy-gateway component. */
export interface RouteOptions {
  /** The gateway, from `envoyGateway(…).gateways` (never a name). */
  readonly gateway: GatewayRef;
  /** The host name routed, e.g. `odoo.${SECRET_DOMAIN}`. */
  readonly hostname: string;
}

/** How much the data on a volume matters; `k8s-ops check` holds each class to its backup rules. */
export type DataClass = "regulated" | "business" | "ephemeral";

/** A claim on a storage class. */
export interface PvcVolume {
  readonly storageClass: StorageClassRef;
  readonly size: string;
  /** What the data is. @default "business" when the volume is backed up, else undeclared (check reports it) */
  readonly dataClass?: DataClass;
  /** The most data the app may lose, as a duration. @default "24h" when the volume is backed up */
  readonly rpo?: string;
}

/** A volume: a claim on a storage class, an NFS export, or scratch space. */
export type VolumeSource =
  | { readonly pvc: PvcVolume }
  | { readonly nfs: { readonly server: string; readonly path: string } }
  | { readonly emptyDir: true };

/** A volume and where the container mounts it. */
export type PersistenceOptions = VolumeSource & { readonly mountPath: string };

/** A CloudNativePG cluster for the app, in the stage `<app>/database`. */
export interface DatabaseAddon {
  /** The data volumes' storage class. */
  readonly storageClass: StorageClassRef;
  /** Size of each instance's volume. @default "10Gi" */
  readonly size?: string;
  /** @default 1 */
  readonly instances?: number;
  /** Where the passwords come from (the store and the 1Password item). */
  readonly credentials: PostgresCredentials;
  /** The application database. @default the app name */
  readonly database?: string;
  /**
   * Continuous backup through the barman-cloud plugin (`backup` of `@k8s-ops/cloudnative-pg`). The database is
   * business data: without a backup, `k8s-ops check` reports it. @default none
   */
  readonly backup?: BackupOptions;
  /**
   * Environment variables set from the cluster's owner Secret, by key:
   * `{ DB_HOST: "host", DB_PASSWORD: "password" }`. @default {}
   */
  readonly env?: Readonly<Record<string, "host" | "port" | "dbname" | "username" | "password" | "uri">>;
}

/** A Dragonfly (Redis-compatible) cache for the app, in the stage `<app>/cache`. */
export interface CacheAddon {
  /** @default 1 */
  readonly replicas?: number;
  /** @default "512Mi" */
  readonly memory?: string;
  /** An environment variable set to the cache's host name. @default none */
  readonly hostEnv?: string;
}

/** A VolSync restic backup of one of the app's PVC volumes (the claim then starts from the latest backup). */
export interface BackupAddon {
  /** The `persistence` entry to back up; it must be a `pvc` volume. */
  readonly volume: string;
  /** The snapshot class of the volume's CSI driver. */
  readonly snapshotClass: VolumeSnapshotClassRef;
  /** The restic repository and its credentials. */
  readonly repository: ResticRepository;
  /** @default "0 * * * *" */
  readonly schedule?: string;
  /** @default { hourly: 24, daily: 7, weekly: 4 } */
  readonly retention?: Retention;
  /** @default the pod's user: `securityContext.runAsUser` / `runAsGroup` */
  readonly moverSecurityContext?: MoverSecurityContext;
}

/** A Secret from the store, built from one 1Password item. */
export interface SecretAddon {
  readonly store: SecretStoreRef;
  readonly item: string;
  /** Put every key of the Secret in the container's environment (`envFrom`). @default false */
  readonly env?: boolean;
}

export interface Addons {
  /** @default none */
  readonly database?: DatabaseAddon;
  /** @default none */
  readonly cache?: CacheAddon;
  /** @default none */
  readonly backup?: BackupAddon;
  /** A Gatus check of the route (`true`, or the check's options). Needs `route`. @default none */
  readonly gatus?: true | Omit<GatusCheckOptions, "name" | "url" | "namespace">;
  /** A VMServiceScrape of the app's metrics port. @default none */
  readonly metrics?: { readonly port: number; readonly path?: string };
  /** @default [] */
  readonly secrets?: readonly SecretAddon[];
}

/** The user and group the pod runs as, and the container's hardening switches. */
export interface SecurityOptions {
  /** @default 1000 */
  readonly runAsUser?: number;
  /** @default runAsUser */
  readonly runAsGroup?: number;
  /** @default true */
  readonly readOnlyRootFilesystem?: boolean;
}

export interface AppTemplateOptions {
  /** Name of the app, its release, Service and route (a DNS label). */
  readonly name: string;
  /** Namespace of the app and its add-ons. */
  readonly namespace: string;
  /** @default "apps" */
  readonly layer?: Layer;
  /**
   * The package that defines the app (`packageOf(import.meta.url)` in it), named on every object it renders.
   * @default this package, @k8s-ops/app-template
   */
  readonly source?: PackageSource;
  readonly image: ImageOptions;
  /** The HTTP port the container listens on. */
  readonly port: number;
  /** Environment variables. @default {} */
  readonly env?: Readonly<Record<string, string>>;
  /** app-template probes (`liveness`, `readiness`, `startup`). @default TCP probes on `port` */
  readonly probes?: Readonly<Record<string, unknown>>;
  /** Container resources. @default { requests: { cpu: "10m" }, limits: { memory: "512Mi" } } */
  readonly resources?: Readonly<Record<string, unknown>>;
  /** @default non-root 1000:1000, read-only root filesystem, no privilege escalation, RuntimeDefault, drop ALL */
  readonly securityContext?: SecurityOptions;
  /** @default none: no route */
  readonly route?: RouteOptions;
  /** Volumes by name. @default {} */
  readonly persistence?: Readonly<Record<string, PersistenceOptions>>;
  /** @default {} */
  readonly addons?: Addons;
}

/** Named on the objects of apps that do not name their own package. */
const SOURCE = packageOf(import.meta.url);

export interface ResolvedOptions extends Required<Omit<AppTemplateOptions, "route" | "securityContext">> {
  readonly route?: RouteOptions;
  readonly securityContext: Required<SecurityOptions>;
}

export function resolveOptions(options: AppTemplateOptions): ResolvedOptions {
  const user = options.securityContext?.runAsUser ?? 1000;
  return {
    ...options,
    layer: options.layer ?? "apps",
    source: options.source ?? SOURCE,
    env: options.env ?? {},
    probes: options.probes ?? defaultProbes(options.port),
    resources: options.resources ?? { requests: { cpu: "10m" }, limits: { memory: "512Mi" } },
    securityContext: {
      runAsUser: user,
      runAsGroup: options.securityContext?.runAsGroup ?? user,
      readOnlyRootFilesystem: options.securityContext?.readOnlyRootFilesystem ?? true,
    },
    persistence: options.persistence ?? {},
    addons: options.addons ?? {},
  };
}

function defaultProbes(port: number): Record<string, unknown> {
  const probe = { enabled: true, custom: true, spec: { tcpSocket: { port }, periodSeconds: 10 } };
  return { liveness: probe, readiness: probe };
}
