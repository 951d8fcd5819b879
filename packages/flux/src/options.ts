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
  /** Secret in flux-system with the Provider's credentials (`token`, `address`, …); not created here. @default none */
  readonly secretName?: string;
  /** Channel, for chat providers. @default none */
  readonly channel?: string;
  /** Lowest severity sent. @default "info" for commit-status providers (github, gitlab, …), else "error" */
  readonly eventSeverity?: "info" | "error";
  /**
   * Namespaces whose Flux objects the Alert reports on. notification-controller matches an event source's
   * namespace literally (there is no wildcard), and this platform keeps each app's Kustomization and HelmRelease in
   * the app's namespace: list them all, e.g. with `appNamespaces(components)`. @default ["flux-system"]
   */
  readonly namespaces?: readonly string[];
}

export interface FluxReceiverOptions {
  /** Secret in flux-system whose `token` key is the GitHub webhook secret; not created here. */
  readonly secretName: string;
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
  extends Required<Omit<FluxNotificationsOptions, "address" | "secretName" | "channel">> {
  readonly address?: string;
  readonly secretName?: string;
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

function resolveNotifications(n: FluxNotificationsOptions): ResolvedNotifications {
  return {
    ...n,
    name: n.name ?? n.type,
    eventSeverity: n.eventSeverity ?? (COMMIT_STATUS_PROVIDERS.includes(n.type) ? "info" : "error"),
    namespaces: n.namespaces ?? ["flux-system"],
  };
}
