export {
  FLUX_COMPONENTS,
  type FluxCluster,
  type FluxComponent,
  type FluxDistribution,
  FluxInstance,
  type FluxInstanceSpec,
  type FluxSync,
  type IFluxInstance,
} from "./FluxInstance.js";
export type { KustomizePatch, KustomizePatchTarget } from "./patches.js";
export {
  type IResourceSet,
  ResourceSet,
  type ResourceSetResource,
  type ResourceSetSpec,
} from "./ResourceSet.js";
