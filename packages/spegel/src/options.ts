/**
 * The registries the platform's images come from: Kubernetes and Talos images (registry.k8s.io, ghcr.io), charts'
 * images on Docker Hub, Quay and GHCR, Google's and AWS' public mirrors, GitLab's and Fluent Bit's registries and
 * Dragonfly's.
 */
export const SPEGEL_MIRRORED_REGISTRIES: readonly string[] = [
  "https://cr.fluentbit.io",
  "https://docker.dragonflydb.io",
  "https://docker.io",
  "https://gcr.io",
  "https://ghcr.io",
  "https://mirror.gcr.io",
  "https://public.ecr.aws",
  "https://quay.io",
  "https://registry.gitlab.com",
  "https://registry.k8s.io",
];

/** Where Talos' containerd reads per-registry `hosts.toml` mirror files. */
export const TALOS_CONTAINERD_REGISTRY_CONFIG_PATH = "/etc/cri/conf.d/hosts";

export interface SpegelOptions {
  /** Namespace of the release. @default "kube-system" */
  readonly namespace?: string;
  /**
   * Registries whose pulls try Spegel's peers first, each as `https://host[:port]`.
   * @default SPEGEL_MIRRORED_REGISTRIES
   */
  readonly mirroredRegistries?: readonly string[];
  /**
   * The node folder where containerd reads registry mirror configuration; Spegel writes its mirrors there.
   * @default "/etc/cri/conf.d/hosts" (Talos)
   */
  readonly containerdRegistryConfigPath?: string;
  /** Create a Prometheus ServiceMonitor; needs the monitoring.coreos.com CRDs on the cluster. @default false */
  readonly serviceMonitor?: boolean;
}

export interface ResolvedSpegelOptions extends Required<SpegelOptions> {}

export function resolveOptions(options: SpegelOptions = {}): ResolvedSpegelOptions {
  return {
    namespace: options.namespace ?? "kube-system",
    mirroredRegistries: options.mirroredRegistries ?? SPEGEL_MIRRORED_REGISTRIES,
    containerdRegistryConfigPath:
      options.containerdRegistryConfigPath ?? TALOS_CONTAINERD_REGISTRY_CONFIG_PATH,
    serviceMonitor: options.serviceMonitor ?? false,
  };
}
