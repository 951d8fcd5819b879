import type { ReferenceType } from "@k8s-ops/core";
import type { ClusterView } from "../context.js";
import { type CheckFinding, finding } from "../finding.js";
import { objectPath, type TreeObject } from "../tree/model.js";
import { referenceUses, type Use } from "./reference-uses.js";

/** Kinds that provide what each reference type names, when the cluster renders them itself. */
const PROVIDING_KINDS: Readonly<Partial<Record<ReferenceType, readonly string[]>>> = {
  StorageClass: ["StorageClass"],
  VolumeSnapshotClass: ["VolumeSnapshotClass"],
  SecretStore: ["ClusterSecretStore", "SecretStore"],
  ClusterIssuer: ["ClusterIssuer", "Issuer"],
  Gateway: ["Gateway"],
};

/**
 * Names written into objects (a PVC's storage class, an ExternalSecret's store, a Certificate's issuer, a route's
 * gateway, Helm values' storageClass / parentRefs) resolve to something the cluster renders or a component exports.
 */
export function stringReferences(cluster: ClusterView): CheckFinding[] {
  const provided = providedNames(cluster);
  const findings: CheckFinding[] = [];
  for (const object of cluster.tree.objects) {
    for (const use of referenceUses(object)) {
      if (provided.has(key(use.type, use.name, use.namespace))) continue;
      findings.push(unresolved(cluster, object, use));
    }
  }
  return findings;
}

function providedNames(cluster: ClusterView): Set<string> {
  const provided = new Set<string>();
  for (const [type, kinds] of Object.entries(PROVIDING_KINDS) as [ReferenceType, readonly string[]][]) {
    for (const object of cluster.tree.objects.filter((o) => kinds.includes(o.kind))) {
      provided.add(key(type, object.name, scoped(type, object)));
    }
  }
  for (const ref of cluster.references ?? []) {
    if (ref.provider.cluster === undefined || ref.provider.cluster === cluster.name)
      provided.add(key(ref.type, ref.name, ref.namespace));
  }
  return provided;
}

/** Namespaced stores and issuers are only seen from their namespace; cluster-wide ones from everywhere. */
function scoped(type: ReferenceType, object: TreeObject): string | undefined {
  if (type === "Gateway") return object.namespace;
  return object.kind === "SecretStore" || object.kind === "Issuer" ? object.namespace : undefined;
}

function key(type: string, name: string, namespace: string | undefined): string {
  return `${type}/${namespace ?? ""}/${name}`;
}

function unresolved(cluster: ClusterView, object: TreeObject, use: Use): CheckFinding {
  const where = use.namespace ? `${use.namespace}/${use.name}` : use.name;
  return finding(
    "REF_UNRESOLVED",
    objectPath(cluster.name, object, use.field),
    `names ${use.type} ${where}, which this cluster neither renders nor exports`,
    {
      expected: `a ${use.type} of cluster ${cluster.name}`,
      found: where,
    },
  );
}
