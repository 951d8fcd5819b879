/** Kinds that live outside namespaces, so their identity has no namespace. */
const CLUSTER_SCOPED = new Set([
  "APIService",
  "CSIDriver",
  "CiliumBGPAdvertisement",
  "CiliumBGPClusterConfig",
  "CiliumBGPNodeConfigOverride",
  "CiliumBGPPeerConfig",
  "CiliumClusterwideNetworkPolicy",
  "CiliumL2AnnouncementPolicy",
  "CiliumLoadBalancerIPPool",
  "ClusterExternalSecret",
  "ClusterIssuer",
  "ClusterRole",
  "ClusterRoleBinding",
  "ClusterSecretStore",
  "CustomResourceDefinition",
  "GatewayClass",
  "IngressClass",
  "MutatingWebhookConfiguration",
  "Namespace",
  "PersistentVolume",
  "PriorityClass",
  "StorageClass",
  "ValidatingAdmissionPolicy",
  "ValidatingAdmissionPolicyBinding",
  "ValidatingWebhookConfiguration",
  "VolumeSnapshotClass",
]);

export function isClusterScoped(kind: string): boolean {
  return CLUSTER_SCOPED.has(kind);
}
