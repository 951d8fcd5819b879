/**
 * @k8s-ops/core: the toolkit every component and cluster package builds on. It knows Kubernetes and Flux and no
 * component: the model (settings, apps, components, references, layers), the Flux builders, validation, and the
 * deterministic, atomic rendering of a cluster's tree.
 */
export {
  type App,
  type AppOptions,
  appRef,
  type ChartKind,
  type Component,
  defineApp,
  type HealthCheck,
  type HealthCheckExpr,
  type KustomizeComponent,
  type NamespaceComponent,
  POD_MONITOR,
  SERVICE_MONITOR,
} from "./app.js";
export {
  type Cluster,
  type ClusterFile,
  type ClusterOptions,
  clusterApps,
  defineCluster,
} from "./cluster.js";
export { compareText } from "./compare.js";
export { isBuiltInGroup } from "./crds.js";
export { isDomainName, isEmailAddress } from "./domains.js";
export { type Finding, type FindingCode, formatFinding, OptionError, ValidationError } from "./errors.js";
export {
  type AnyChartSource,
  appKustomization,
  type ChartRefKind,
  type ChartSource,
  CLUSTER_SECRETS,
  CLUSTER_SETTINGS,
  chartSource,
  clusterEntry,
  FLUX_SOURCE,
  HELM_RELEASE_DEFAULTS,
  type HelmReleaseOptions,
  helmRelease,
  isRepositoryChart,
  namespace,
  ociRepository,
  type RepositoryChartSource,
  repositoryChart,
  unresolvedChartRef,
  type ValuesReference,
} from "./flux.js";
export { type AppGraph, type ResolvedApp, resolveDependencies } from "./graph.js";
export { type HelmAppOptions, helmApp } from "./helm.js";
export { LAYERS, type Layer, layerIndex } from "./layers.js";
export {
  type AddressProblem,
  type AddressSpan,
  cidrSpan,
  describeSpan,
  loadBalancerAddressProblem,
  rangeSpan,
  spanHolds,
} from "./load-balancer.js";
export { apiGroup, describeObject, type KubeObject } from "./object.js";
export { type OperatorAccessOptions, operatorAccess } from "./operator-access.js";
export {
  type PackageSource,
  PROVENANCE_ANNOTATION,
  packageOf,
  parseProvenance,
  provenanceValue,
} from "./provenance.js";
export {
  type AppId,
  type AppRef,
  appKey,
  type ClusterIssuerRef,
  describeReference,
  type GatewayRef,
  type Reference,
  type ReferenceType,
  reference,
  type SecretStoreRef,
  type ServiceEndpoint,
  type StorageClassRef,
  type VolumeSnapshotClassRef,
} from "./refs.js";
export { GENERATED_HEADER, orderKeys, toYaml, yamlFile } from "./render/yaml.js";
export { type RenderedCluster, type RenderOptions, renderCluster, renderOrThrow } from "./render.js";
export {
  type BgpSettings,
  type ClusterSettings,
  defineSettings,
  type NetworkSettings,
  type NodeSettings,
  settingsVariables,
} from "./settings.js";
export { componentYaml, renderComponents, testSettings } from "./testing.js";
export { isClusterScoped } from "./validate/scope.js";
export {
  type CommitOptions,
  commitWrite,
  InterruptedWrite,
  type RecoverOptions,
  recoverWrite,
  type WriteStep,
} from "./write/commit.js";
export { WriteLocked } from "./write/lock.js";
export { LOCK_FILE, MANIFEST_FILE, STATE_DIR } from "./write/manifest.js";
export { hasChanges, planWrite, type WritePlan } from "./write/plan.js";
