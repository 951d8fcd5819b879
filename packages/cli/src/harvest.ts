import type { Cluster, Reference, ReferenceType } from "@k8s-ops/core";

const TYPES = new Set<ReferenceType>([
  "App",
  "StorageClass",
  "VolumeSnapshotClass",
  "SecretStore",
  "ClusterIssuer",
  "Gateway",
  "Service",
]);
const MAX_DEPTH = 5;

/**
 * The references a cluster's components export or hold (their storage classes, stores, gateways, the endpoints
 * they take from another cluster), found by walking each component's value beside its apps.
 */
export function componentReferences(cluster: Cluster): Reference[] {
  const found = new Map<string, Reference>();
  for (const component of cluster.components) {
    for (const [key, value] of Object.entries(component)) {
      if (key !== "apps" && key !== "namespaceComponents") collect(value, 0, found, new Set());
    }
  }
  return [...found.values()];
}

function collect(value: unknown, depth: number, found: Map<string, Reference>, seen: Set<unknown>): void {
  if (depth > MAX_DEPTH || value === null || typeof value !== "object" || seen.has(value)) return;
  seen.add(value);
  if (isReference(value)) {
    const cluster = value.provider.cluster ?? "";
    found.set(`${value.type}/${value.namespace ?? ""}/${value.name}@${cluster}`, value);
    return;
  }
  for (const item of Array.isArray(value) ? value : Object.values(value))
    collect(item, depth + 1, found, seen);
}

function isReference(value: object): value is Reference {
  const candidate = value as Partial<Reference>;
  return (
    typeof candidate.type === "string" &&
    TYPES.has(candidate.type as ReferenceType) &&
    typeof candidate.name === "string" &&
    typeof candidate.provider === "object" &&
    candidate.provider !== null &&
    typeof candidate.provider.name === "string"
  );
}
