/** Kinds that live outside namespaces: kustomize and Flux leave their namespace unset. */
const CLUSTER_SCOPED = new Set([
  "APIService",
  "CSIDriver",
  "CSINode",
  "CertificateSigningRequest",
  "CiliumBGPAdvertisement",
  "CiliumBGPClusterConfig",
  "CiliumBGPNodeConfig",
  "CiliumBGPNodeConfigOverride",
  "CiliumBGPPeerConfig",
  "CiliumBGPPeeringPolicy",
  "CiliumCIDRGroup",
  "CiliumClusterwideEnvoyConfig",
  "CiliumClusterwideNetworkPolicy",
  "CiliumL2AnnouncementPolicy",
  "CiliumLoadBalancerIPPool",
  "CiliumNode",
  "CiliumPodIPPool",
  "ClusterExternalSecret",
  "ClusterImageCatalog",
  "ClusterIssuer",
  "ClusterRole",
  "ClusterRoleBinding",
  "ClusterSecretStore",
  "CustomResourceDefinition",
  "GatewayClass",
  "IngressClass",
  "MutatingWebhookConfiguration",
  "Namespace",
  "Node",
  "PersistentVolume",
  "PriorityClass",
  "RuntimeClass",
  "StorageClass",
  "ValidatingAdmissionPolicy",
  "ValidatingAdmissionPolicyBinding",
  "ValidatingWebhookConfiguration",
  "VolumeAttachment",
  "VolumeSnapshotClass",
  "VolumeSnapshotContent",
]);

export function isClusterScoped(kind: string): boolean {
  return CLUSTER_SCOPED.has(kind);
}

/** The API group of an apiVersion: "" for the core group. */
export function groupOf(apiVersion: string): string {
  const slash = apiVersion.indexOf("/");
  return slash === -1 ? "" : apiVersion.slice(0, slash);
}
