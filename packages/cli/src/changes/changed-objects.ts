import { isDeepStrictEqual } from "node:util";
import { type TreeObject, walkTree } from "@k8s-ops/checks";
import { type PackageSource, PROVENANCE_ANNOTATION, parseProvenance } from "@k8s-ops/core";
import { byIdentity, objectLabel } from "../diff/objects.js";

/** An object whose rendered output differs from the base, with the package that produced it. */
export interface ChangedObject {
  readonly cluster: string;
  /** `Kind namespace/name` */
  readonly object: string;
  readonly package: string;
  /** The package version on each side; equal when the package changed without a release. */
  readonly before?: string;
  readonly after?: string;
}

/**
 * The objects that component packages render and that differ between two versions of a cluster's files. Objects
 * without a provenance annotation belong to the cluster package itself, which is private and never released.
 */
export function changedObjects(
  cluster: string,
  root: string,
  base: ReadonlyMap<string, string>,
  work: ReadonlyMap<string, string>,
): ChangedObject[] {
  const old = byIdentity(walkTree(cluster, root, base));
  const now = byIdentity(walkTree(cluster, root, work));
  const changes: ChangedObject[] = [];
  for (const key of new Set([...old.keys(), ...now.keys()])) {
    const a = old.get(key);
    const b = now.get(key);
    if (a && b && isDeepStrictEqual(a.json, b.json)) continue;
    const before = a && provenanceOf(a);
    const after = b && provenanceOf(b);
    const source = after ?? before;
    if (!source) continue;
    changes.push({
      cluster,
      object: objectLabel((b ?? a) as TreeObject),
      package: source.name,
      before: before?.name === source.name ? before.version : undefined,
      after: after?.version,
    });
  }
  return changes;
}

function provenanceOf(object: TreeObject): PackageSource | undefined {
  const metadata = object.json.metadata as { annotations?: Record<string, unknown> } | undefined;
  return parseProvenance(metadata?.annotations?.[PROVENANCE_ANNOTATION]);
}
