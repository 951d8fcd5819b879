import type { CheckFinding } from "../finding.js";
import type { Json } from "./documents.js";

/** The Kustomization flux-operator's FluxInstance syncs: the root of every cluster's tree. */
export const SYNC_ID = "flux-system/flux-system";

/** A Flux Kustomization of the tree, as Flux applies it (its owner's patches included). */
export interface FluxKustomization {
  /** `namespace/name` */
  readonly id: string;
  readonly name: string;
  readonly namespace: string;
  readonly json: Json;
  /** The file that declares it; undefined for the sync root. */
  readonly file?: string;
  /** The Kustomization that applies it; undefined for the sync root. */
  readonly owner?: string;
  /** Its spec.path relative to the cluster folder, when that is inside the cluster folder. */
  readonly dir?: string;
}

/** An object Flux applies, after kustomize, targetNamespace, patches and substitution. */
export interface TreeObject {
  readonly file: string;
  readonly index: number;
  readonly json: Json;
  readonly apiVersion: string;
  readonly kind: string;
  readonly name: string;
  /** Effective namespace; undefined for cluster-scoped kinds. */
  readonly namespace?: string;
  /** Id of the Kustomization that applies it. */
  readonly owner: string;
}

/** A cluster's rendered tree, read the way Flux reads it. */
export interface FluxTree {
  readonly cluster: string;
  readonly root: string;
  readonly kustomizations: ReadonlyMap<string, FluxKustomization>;
  readonly objects: readonly TreeObject[];
  /** Folders some Kustomization built. */
  readonly folders: ReadonlySet<string>;
  /** Files some kustomization.yaml listed. */
  readonly listed: ReadonlySet<string>;
  readonly findings: readonly CheckFinding[];
}

/** `Kind namespace/name` or `Kind name`. */
export function describe(object: Pick<TreeObject, "kind" | "name" | "namespace">): string {
  return object.namespace
    ? `${object.kind} ${object.namespace}/${object.name}`
    : `${object.kind} ${object.name}`;
}

/** `cluster › namespace/kustomization › Kind namespace/name: field`, the path format of every finding. */
export function objectPath(cluster: string, object: TreeObject, field?: string): string {
  const head = `${cluster} › ${object.owner} › ${describe(object)}`;
  return field ? `${head}: ${field}` : head;
}

export function kustomizationPath(
  cluster: string,
  ks: Pick<FluxKustomization, "id">,
  field?: string,
): string {
  return field ? `${cluster} › ${ks.id}: ${field}` : `${cluster} › ${ks.id}`;
}
