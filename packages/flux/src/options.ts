import type { KubeObject, Reference, ServiceEndpoint } from "@k8s-ops/core";
import type { IProviderSpec } from "@kubernetes-models/flux-cd/notification.toolkit.fluxcd.io/v1beta3/ProviderSpec";

/** A notification-controller Provider type (`slack`, `github`, `alertmanager`, `generic`, …). */
export type ProviderType = IProviderSpec["type"];

/** Provider types that post commit statuses: they need `info` events to report successes. */
export const COMMIT_STATUS_PROVIDERS: readonly ProviderType[] = [
  "azuredevops",
  "bitbucket",
  "bitbucketserver",
  "gitea",
  "github",
  "gitlab",
];

/**
 * A Secret deployed with the notifications, from a secret store: what `storeSecret()` of
 * @k8s-ops/external-secrets returns. Its object joins the notifications stage, which then uses the store.
 */
export interface DeployedSecret {
  readonly object: KubeObject;
  readonly uses: readonly Reference[];
  readonly secretName: string;
}

/** The Secret a Provider or the Receiver reads: the name of one made elsewhere in flux-system, or one deployed here. */
export type FluxSecret = string | DeployedSecret;

/** A route to notification-controller's webhook Service: what `httpRoute()` of @k8s-ops/envoy-gateway returns. */
export interface WebhookRoute {
  readonly route: KubeObject;
  /** The stage uses these (the gateway): it then depends on the app providing them. */
  readonly uses: readonly Reference[];
}

export interface FluxNotificationsOptions {
  /** Where events go. */
  readonly type: ProviderType;
  /** Name of the Provider (and prefix of the Alert). @default type */
  readonly name?: string;
  /**
   * The endpoint: the Alertmanager API URL (`http://…:9093/api/v2/alerts/`), the repository URL for commit
   * statuses, a webhook URL. @default none (then the Secret must hold `address`)
   */
  readonly address?: string;
  /** The Secret with the Provider's credentials (`token`, `address`, …), in flux-system. @default none */
  readonly secret?: FluxSecret;
  /** Channel, for chat providers. @default none */
  readonly channel?: string;
  /** Lowest severity sent. @default "info" for commit-status providers (github, gitlab, …), else "error" */
  readonly eventSeverity?: "info" | "error";
  /**
   * Namespaces whose Flux objects the Alert reports on (Kustomizations only for commit-status providers: only their
   * events carry the Git commit). notification-controller matches an event source's namespace literally (there is
   * no wildcard), and this platform keeps each app's Kustomization and HelmRelease in the app's namespace: list them
   * all, e.g. with `appNamespaces(components)`. @default ["flux-system"]
   */
  readonly namespaces?: readonly string[];
}

export interface FluxReceiverOptions {
  /** The Secret whose `token` key is the GitHub webhook secret, in flux-system. */
  readonly secret: FluxSecret;
  /**
   * Exposes the Receiver: given notification-controller's `webhook-receiver` Service (port 80), the route to it on
   * a gateway the Internet reaches, e.g. `(service) => httpRoute({ name, gateway, hostnames, service })`.
   * @default none: the Receiver is not reachable from outside the cluster
   */
  readonly route?: (service: ServiceEndpoint) => WebhookRoute;
}

export interface FluxOptions {
  /**
   * The Git repository Flux syncs this cluster from, `https://…` or `ssh://…` (with `pullSecret` for private ones).
   */
  readonly url: string;
  /** Repository path of the cluster's rendered Flux entry folder, e.g. `clusters/infra/flux`. */
  readonly path: string;
  /** Branch synced (`refs/heads/<branch>`). @default "main" */
  readonly branch?: string;
  /** Secret in flux-system the sync source authenticates with; not created here. @default none (public repository) */
  readonly pullSecret?: string;
  /** Flux distribution version the operator installs and follows (`2.x`, `2.7.x`, `2.7.3`). @default "2.x" */
  readonly version?: string;
  /** Registry the Flux controller images come from. @default "ghcr.io/fluxcd" */
  readonly registry?: string;
  /** Render Flux's own NetworkPolicies (deny by default, allow scraping and webhooks). @default true */
  readonly networkPolicy?: boolean;
  /** The cluster's DNS domain. @default "cluster.local" */
  readonly clusterDomain?: string;
  /** Reconciliations each of the source, kustomize and helm controllers runs at once (`--concurrent`). @default 10 */
  readonly concurrency?: number;
  /** Secret in flux-system with the SOPS age key kustomize-controller decrypts with (`--sops-age-secret`). @default "sops-age" */
  readonly sopsAgeSecret?: string;
  /** A Provider and an Alert for Flux's events. @default none */
  readonly notifications?: FluxNotificationsOptions;
  /** A GitHub push Receiver that makes Flux fetch the repository at once. @default none */
  readonly receiver?: FluxReceiverOptions;
}

export interface ResolvedNotifications
  extends Required<Omit<FluxNotificationsOptions, "address" | "secret" | "channel">> {
  readonly address?: string;
  readonly secret?: FluxSecret;
  readonly channel?: string;
}

export interface ResolvedFluxOptions
  extends Required<Omit<FluxOptions, "pullSecret" | "notifications" | "receiver">> {
  readonly pullSecret?: string;
  readonly notifications?: ResolvedNotifications;
  readonly receiver?: FluxReceiverOptions;
}

export function resolveOptions(options: FluxOptions): ResolvedFluxOptions {
  return {
    url: options.url,
    path: options.path,
    branch: options.branch ?? "main",
    pullSecret: options.pullSecret,
    version: options.version ?? "2.x",
    registry: options.registry ?? "ghcr.io/fluxcd",
    networkPolicy: options.networkPolicy ?? true,
    clusterDomain: options.clusterDomain ?? "cluster.local",
    concurrency: options.concurrency ?? 10,
    sopsAgeSecret: options.sopsAgeSecret ?? "sops-age",
    notifications: options.notifications && resolveNotifications(options.notifications),
    receiver: options.receiver,
  };
}

/** The name of the Secret, whether it is made elsewhere or deployed with the notifications. */
export function secretNameOf(secret: FluxSecret): string {
  return typeof secret === "string" ? secret : secret.secretName;
}

/** The Secrets deployed with the notifications. */
export function deployedSecrets(o: ResolvedFluxOptions): DeployedSecret[] {
  const secrets = [o.notifications?.secret, o.receiver?.secret];
  return secrets.filter((secret): secret is DeployedSecret => typeof secret === "object");
}

function resolveNotifications(n: FluxNotificationsOptions): ResolvedNotifications {
  return {
    ...n,
    name: n.name ?? n.type,
    eventSeverity: n.eventSeverity ?? (COMMIT_STATUS_PROVIDERS.includes(n.type) ? "info" : "error"),
    namespaces: n.namespaces ?? ["flux-system"],
  };
}
