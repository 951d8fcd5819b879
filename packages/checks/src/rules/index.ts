import type { ClusterRule } from "../context.js";
import { crdOrdering } from "./crds.js";
import { deprecatedApis } from "./deprecated.js";
import { healthChecks } from "./health-checks.js";
import { helmReleases, ociRepositories, repositoryCharts } from "./helm.js";
import { unpinnedImages } from "./images.js";
import { dependsOnGraph, kustomizationFields } from "./kustomizations.js";
import { loadBalancerAddresses } from "./lb-addresses.js";
import { namespaces } from "./namespaces.js";
import { orphanFiles } from "./orphans.js";
import { stringReferences } from "./references.js";
import { plaintextSecrets } from "./secrets.js";

/** The Flux graph and structure of one cluster's tree (§A, §B, §D of the conventions' checklist). */
export const GRAPH_RULES: readonly ClusterRule[] = [
  kustomizationFields,
  dependsOnGraph,
  healthChecks,
  helmReleases,
  ociRepositories,
  repositoryCharts,
  namespaces,
  orphanFiles,
  crdOrdering,
];

/**
 * Names of stores, issuers, gateways, storage and snapshot classes resolve; so do requested LoadBalancer addresses,
 * each to a pool block the cluster renders, and to one requester.
 */
export const REFERENCE_RULES: readonly ClusterRule[] = [stringReferences, loadBalancerAddresses];

/** No plaintext secrets, unpinned images, deprecated APIs. */
export const HYGIENE_RULES: readonly ClusterRule[] = [plaintextSecrets, unpinnedImages, deprecatedApis];
