import { generatedGroupVersions } from "./generated/catalog.js";

/** One group/version this package has models for, and where they come from. */
export interface CrdGroupVersion {
  /** `group/version`, e.g. `ceph.rook.io/v1`. */
  readonly apiVersion: string;
  /** The kinds modelled in this group/version: one class (and `I<Kind>` interface) each. */
  readonly kinds: readonly string[];
  /** The module to import them from, e.g. `@k8s-ops/crds/ceph.rook.io/v1`. */
  readonly importPath: string;
  /** `generated` from an upstream CRD pinned in crds.json, or `handwritten` (only the fields the platform uses). */
  readonly origin: "generated" | "handwritten";
  /** The upstream project whose API this is. */
  readonly project: string;
  /**
   * The upstream version the models follow: `git describe` of the pinned commit for generated models, the release
   * whose API the fields were written against for hand-written ones (system-upgrade-controller: the first release
   * with `postCompleteDelay`).
   */
  readonly projectVersion: string;
  /** License of the upstream input the code was generated from; none for hand-written models. */
  readonly license?: string;
}

const handwrittenGroupVersions: readonly CrdGroupVersion[] = [
  {
    apiVersion: "fluxcd.controlplane.io/v1",
    kinds: ["FluxInstance", "ResourceSet"],
    importPath: "@k8s-ops/crds/fluxcd.controlplane.io/v1",
    origin: "handwritten",
    project: "flux-operator",
    projectVersion: "v0.58.1",
  },
  {
    apiVersion: "upgrade.cattle.io/v1",
    kinds: ["Plan"],
    importPath: "@k8s-ops/crds/upgrade.cattle.io/v1",
    origin: "handwritten",
    project: "system-upgrade-controller",
    projectVersion: ">=v0.14.0",
  },
  {
    apiVersion: "volsync.backube/v1alpha1",
    kinds: ["ReplicationDestination", "ReplicationSource"],
    importPath: "@k8s-ops/crds/volsync.backube/v1alpha1",
    origin: "handwritten",
    project: "volsync",
    projectVersion: "v0.16.0",
  },
];

/** Every group/version this package has models for, sorted by apiVersion. */
export const crdCatalog: readonly CrdGroupVersion[] = [
  ...generatedGroupVersions,
  ...handwrittenGroupVersions,
].sort((a, b) => (a.apiVersion < b.apiVersion ? -1 : 1));
