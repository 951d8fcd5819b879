import type { App, ClusterSettings, Reference } from "@k8s-ops/core";
import type { CheckFinding } from "./finding.js";
import type { FluxTree, TreeObject } from "./tree/model.js";

/** One cluster as the checks see it: its settings, its model, and its rendered files. */
export interface ClusterInput {
  /** The cluster's name (its settings' name). */
  readonly name: string;
  /** Repository-relative folder of the cluster package, e.g. `clusters/apps`. */
  readonly root: string;
  readonly settings: ClusterSettings;
  /** Rendered files plus the hand-written ones beside them, by path relative to the cluster folder. */
  readonly files: ReadonlyMap<string, string>;
  /** Which of `files` are hand-written (not generated). @default [] */
  readonly handWritten?: readonly string[];
  /** The cluster's apps, for the CRDs each declares. @default [] (CRD ordering checks are skipped) */
  readonly apps?: readonly App[];
  /**
   * Apps (`namespace/name`) the bootstrap installs before Flux starts, so their CRDs are served from the start.
   * @default the cluster's apps the bootstrap helmfile installs (`BOOTSTRAP_ORDER` of @k8s-ops/bootstrap)
   */
  readonly bootstrapped?: readonly string[];
  /** Kinds served before Flux starts (`group/Kind` or `group/*`), by the platform or the bootstrap. @default [] */
  readonly served?: readonly string[];
  /** References the cluster's components export or take (found in the component values). @default [] */
  readonly references?: readonly Reference[];
}

/** A cluster with its tree read the way Flux reads it. */
export interface ClusterView extends ClusterInput {
  readonly tree: FluxTree;
}

/** What the repository adds: its `.sops.yaml`, if any. */
export interface RepositoryInput {
  /** Content of the repository's `.sops.yaml`. @default none */
  readonly sopsConfig?: string;
}

/** A rule over one cluster. */
export type ClusterRule = (cluster: ClusterView, repository: RepositoryInput) => CheckFinding[];

/** A rule over every cluster at once. */
export type CrossClusterRule = (clusters: readonly ClusterView[]) => CheckFinding[];

/** What a policy rule gets besides the objects: which cluster they are in, and where to report. */
export interface PolicyContext {
  readonly cluster: string;
  /** The finding path of an object and, optionally, one of its fields. */
  readonly pathOf: (object: TreeObject, field?: string) => string;
}

/** A policy: a plain function over the rendered objects of a cluster. */
export type PolicyRule = (objects: readonly TreeObject[], context: PolicyContext) => CheckFinding[];

/** The objects of a kind (and, optionally, an API group prefix) in a tree. */
export function objectsOf(tree: FluxTree, kind: string, apiGroup?: string): TreeObject[] {
  return tree.objects.filter(
    (o) => o.kind === kind && (apiGroup === undefined || o.apiVersion.startsWith(`${apiGroup}/`)),
  );
}
