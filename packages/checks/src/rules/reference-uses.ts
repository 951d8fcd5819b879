import type { ReferenceType } from "@k8s-ops/core";
import { at, isObject, type Json, str } from "../tree/documents.js";
import type { TreeObject } from "../tree/model.js";

/** A name an object uses for something another object provides. */
export interface Use {
  readonly type: ReferenceType;
  readonly name: string;
  /** For namespaced targets (SecretStore, Issuer, Gateway). */
  readonly namespace?: string;
  readonly field: string;
}

const ROUTES = new Set(["HTTPRoute", "GRPCRoute", "TLSRoute", "TCPRoute", "UDPRoute"]);
const STORAGE_KEYS = new Set(["storageClass", "storageClassName", "cacheStorageClassName"]);

/** The names an object uses, found where each kind keeps them. */
export function referenceUses(object: TreeObject): Use[] {
  const uses: Use[] = [];
  const { json, kind, namespace } = object;
  if (object.apiVersion.startsWith("external-secrets.io/"))
    uses.push(...storeUses(at(json, "spec.secretStoreRef"), "spec.secretStoreRef", namespace));
  if (kind === "ClusterExternalSecret")
    uses.push(
      ...storeUses(
        at(json, "spec.externalSecretSpec.secretStoreRef"),
        "spec.externalSecretSpec.secretStoreRef",
        undefined,
      ),
    );
  if (kind === "Certificate")
    uses.push(...issuerUses(at(json, "spec.issuerRef"), "spec.issuerRef", namespace));
  uses.push(...annotationIssuers(json, namespace));
  if (ROUTES.has(kind))
    uses.push(...parentRefUses(at(json, "spec.parentRefs"), "spec.parentRefs", namespace));
  if (kind === "VolumeSnapshot")
    uses.push(
      ...named(
        "VolumeSnapshotClass",
        at(json, "spec.volumeSnapshotClassName"),
        "spec.volumeSnapshotClassName",
      ),
    );
  if (kind === "HelmRelease") uses.push(...valueUses(at(json, "spec.values"), "spec.values", namespace));
  else uses.push(...storageUses(json));
  return uses;
}

function storeUses(ref: unknown, field: string, namespace: string | undefined): Use[] {
  if (!isObject(ref) || typeof ref.name !== "string") return [];
  const cluster = ref.kind === "ClusterSecretStore";
  return [{ type: "SecretStore", name: ref.name, namespace: cluster ? undefined : namespace, field }];
}

function issuerUses(ref: unknown, field: string, namespace: string | undefined): Use[] {
  if (!isObject(ref) || typeof ref.name !== "string") return [];
  const group = str(ref.group) ?? "cert-manager.io";
  if (group !== "cert-manager.io") return [];
  return [
    {
      type: "ClusterIssuer",
      name: ref.name,
      namespace: ref.kind === "ClusterIssuer" ? undefined : namespace,
      field,
    },
  ];
}

function annotationIssuers(json: Json, namespace: string | undefined): Use[] {
  const annotations = at(json, "metadata.annotations");
  if (!isObject(annotations)) return [];
  const uses: Use[] = [];
  const field = (name: string) => `metadata.annotations.${name}`;
  const cluster = str(annotations["cert-manager.io/cluster-issuer"]);
  if (cluster)
    uses.push({ type: "ClusterIssuer", name: cluster, field: field("cert-manager.io/cluster-issuer") });
  const issuer = str(annotations["cert-manager.io/issuer"]);
  if (issuer)
    uses.push({ type: "ClusterIssuer", name: issuer, namespace, field: field("cert-manager.io/issuer") });
  return uses;
}

function parentRefUses(refs: unknown, field: string, namespace: string | undefined): Use[] {
  if (!Array.isArray(refs)) return [];
  return refs.flatMap((ref, i) => {
    if (!isObject(ref) || typeof ref.name !== "string") return [];
    if (
      (str(ref.kind) ?? "Gateway") !== "Gateway" ||
      (str(ref.group) ?? "gateway.networking.k8s.io") !== "gateway.networking.k8s.io"
    )
      return [];
    return [
      {
        type: "Gateway" as const,
        name: ref.name,
        namespace: str(ref.namespace) ?? namespace,
        field: `${field}.${i}`,
      },
    ];
  });
}

function named(type: ReferenceType, value: unknown, field: string): Use[] {
  return typeof value === "string" && value !== "" && value !== "-" ? [{ type, name: value, field }] : [];
}

/** Storage classes in object specs: PVCs, StatefulSet claim templates, VolSync, CloudNativePG. */
function storageUses(json: Json): Use[] {
  return [
    ...named("StorageClass", at(json, "spec.storageClassName"), "spec.storageClassName"),
    ...named("StorageClass", at(json, "spec.storage.storageClass"), "spec.storage.storageClass"),
    ...["restic", "rsync", "rclone", "external"].flatMap((mover) => [
      ...named("StorageClass", at(json, `spec.${mover}.storageClassName`), `spec.${mover}.storageClassName`),
      ...named(
        "StorageClass",
        at(json, `spec.${mover}.cacheStorageClassName`),
        `spec.${mover}.cacheStorageClassName`,
      ),
      ...named(
        "VolumeSnapshotClass",
        at(json, `spec.${mover}.volumeSnapshotClassName`),
        `spec.${mover}.volumeSnapshotClassName`,
      ),
    ]),
  ];
}

/** Helm values: `storageClass` / `storageClassName` strings and `parentRefs` lists, wherever they are. */
function valueUses(values: unknown, field: string, namespace: string | undefined): Use[] {
  if (Array.isArray(values)) return values.flatMap((v, i) => valueUses(v, `${field}.${i}`, namespace));
  if (!isObject(values)) return [];
  return Object.entries(values).flatMap(([k, v]) => {
    const at = `${field}.${k}`;
    if (STORAGE_KEYS.has(k) && typeof v === "string") return named("StorageClass", v, at);
    if (k === "volumeSnapshotClassName" && typeof v === "string") return named("VolumeSnapshotClass", v, at);
    if (k === "parentRefs") return parentRefUses(v, at, namespace);
    return valueUses(v, at, namespace);
  });
}
