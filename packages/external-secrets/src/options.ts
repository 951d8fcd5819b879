export interface ExternalSecretsOptions {
  /**
   * The 1Password vault the `onepassword-connect` store reads items from, one per cluster (e.g. "k8s-infra").
   * Required: there is no sensible default.
   */
  readonly vault: string;
  /** Namespace of the operator, 1Password Connect and the bootstrap Secret. @default "external-secrets" */
  readonly namespace?: string;
  /** Replicas of the external-secrets controller (leader election turns on above one). @default 1 */
  readonly replicas?: number;
  /**
   * Name of the bootstrap Secret in `namespace` that holds the Connect server credentials
   * (key `1password-credentials.json`, the base64 of the file) and the Connect token (key `token`). The operator
   * cannot create it: it is what lets the operator read every other secret. @default "onepassword-secret"
   */
  readonly credentialsSecret?: string;
  /**
   * A hand-written SOPS-encrypted file in the Connect app folder that holds the bootstrap Secret, listed in its
   * kustomization.yaml (e.g. "onepassword-secret.sops.yaml"). @default none: the Secret is created at bootstrap
   */
  readonly credentialsFile?: string;
  /** Render the operator's ServiceMonitor (needs the Prometheus operator CRDs). @default false */
  readonly serviceMonitor?: boolean;
  /**
   * The 1Password item whose fields become the `cluster-secrets` Secret in every namespace: the values Flux
   * substitutes for the cluster's secret variables (`SECRET_DOMAIN`, …), kept out of git. `false` when an
   * encrypted `cluster-secrets.sops.yaml` provides them instead. @default "cluster-secrets"
   */
  readonly clusterSecrets?: string | false;
}

export interface ResolvedExternalSecretsOptions
  extends Required<Omit<ExternalSecretsOptions, "credentialsFile">> {
  readonly credentialsFile?: string;
}

export function resolveOptions(options: ExternalSecretsOptions): ResolvedExternalSecretsOptions {
  return {
    vault: options.vault,
    namespace: options.namespace ?? "external-secrets",
    replicas: options.replicas ?? 1,
    credentialsSecret: options.credentialsSecret ?? "onepassword-secret",
    credentialsFile: options.credentialsFile,
    serviceMonitor: options.serviceMonitor ?? false,
    clusterSecrets: options.clusterSecrets ?? "cluster-secrets",
  };
}
