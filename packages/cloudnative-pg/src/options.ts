import type { Component } from "@k8s-ops/core";

export interface CloudNativePgOptions {
  /**
   * The cert-manager component. The barman-cloud plugin's chart secures its gRPC link to the operator with
   * certificates it asks cert-manager for (a self-signed Issuer and two Certificates rendered by the chart), so the
   * plugin waits for the app of this component that installs the `cert-manager.io` CRDs and webhook.
   */
  readonly certManager: Pick<Component, "apps">;
  /** Namespace of the operator and the plugin (the plugin must share the operator's). @default "cnpg-system" */
  readonly namespace?: string;
  /** Operator replicas. @default 1 */
  readonly replicas?: number;
  /** Render the operator's own PodMonitor (needs the monitoring.coreos.com CRDs). @default false */
  readonly podMonitor?: boolean;
}

export interface ResolvedCloudNativePgOptions extends Required<CloudNativePgOptions> {}

export function resolveOptions(options: CloudNativePgOptions): ResolvedCloudNativePgOptions {
  return {
    certManager: options.certManager,
    namespace: options.namespace ?? "cnpg-system",
    replicas: options.replicas ?? 1,
    podMonitor: options.podMonitor ?? false,
  };
}
