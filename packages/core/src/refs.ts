/** Identifies one app (one Flux Kustomization) of a cluster. */
export interface AppId {
  readonly name: string;
  readonly namespace: string;
}

export type ReferenceType =
  | "App"
  | "StorageClass"
  | "VolumeSnapshotClass"
  | "SecretStore"
  | "ClusterIssuer"
  | "Gateway"
  | "Service";

/**
 * Something an app provides for others to use. Consumers take references as values from the provider's component,
 * never as strings, so a misspelt storage class or gateway does not compile; and an app that uses a reference
 * depends on the app that provides it.
 */
export interface Reference<T extends ReferenceType = ReferenceType> {
  readonly type: T;
  readonly name: string;
  /** Namespace of the referenced object; absent for cluster-scoped objects. */
  readonly namespace?: string;
  /** The app that provides it, in the cluster that provides it. */
  readonly provider: AppId & { readonly cluster?: string };
}

export type AppRef = Reference<"App">;
export type StorageClassRef = Reference<"StorageClass">;
export type VolumeSnapshotClassRef = Reference<"VolumeSnapshotClass">;
export type SecretStoreRef = Reference<"SecretStore">;
export type ClusterIssuerRef = Reference<"ClusterIssuer">;
export type GatewayRef = Reference<"Gateway"> & { readonly namespace: string };

/** A service others connect to, with the address they connect with. */
export interface ServiceEndpoint extends Reference<"Service"> {
  readonly namespace: string;
  readonly port: number;
  /** The in-cluster DNS name: `<name>.<namespace>.svc.cluster.local`. */
  readonly host: string;
}

/** A reference to something `provider` provides, for consumers to take instead of a name. */
export function reference<T extends ReferenceType>(
  type: T,
  provider: AppId,
  name: string,
  namespace?: string,
): Reference<T> {
  return { type, name, namespace, provider: { name: provider.name, namespace: provider.namespace } };
}

export function describeReference(ref: Reference): string {
  const where = ref.namespace ? `${ref.namespace}/${ref.name}` : ref.name;
  return `${ref.type} ${where}`;
}

export function appKey(id: AppId): string {
  return `${id.namespace}/${id.name}`;
}
