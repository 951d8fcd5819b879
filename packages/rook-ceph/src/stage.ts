import {
  type App,
  appRef,
  helmApp,
  type KubeObject,
  type Reference,
  type ReferenceType,
  reference,
  type ServiceEndpoint,
} from "@k8s-ops/core";
import { CEPH_CLUSTER_HEALTH, FOLDER, ROOK_CEPH_CLUSTER_CHART } from "./charts.js";

/** Name of the app (and HelmRelease) holding the CephCluster; what storage class references point at. */
export const CLUSTER_STAGE = "rook-ceph-cluster";

export interface ClusterStageOptions {
  readonly namespace: string;
  readonly values: Record<string, unknown>;
  /** What the stage must wait for: the operator, the CSI drivers, and whatever its options add. */
  readonly uses: readonly Reference[];
  /** Objects beside the HelmRelease. @default [] */
  readonly objects?: readonly KubeObject[];
}

/**
 * The `rook-ceph-cluster` chart as a stage of the operator's folder. The CephCluster is created by Helm, outside the
 * Kustomization's own objects, so `wait` would not see it: the stage health-checks the HelmRelease and the CephCluster
 * by name (the chart names it after the namespace) and judges the latter by its Ceph health.
 */
export function clusterStage(options: ClusterStageOptions): App {
  const { namespace } = options;
  return helmApp({
    name: CLUSTER_STAGE,
    namespace,
    layer: "config",
    folder: FOLDER,
    dir: "cluster",
    chart: ROOK_CEPH_CLUSTER_CHART,
    values: options.values,
    // Creating or upgrading a cluster rolls mons, mgrs and OSDs one by one.
    helmTimeout: "15m",
    objects: options.objects,
    uses: options.uses,
    prune: false,
    healthChecks: [
      { apiVersion: "helm.toolkit.fluxcd.io/v2", kind: "HelmRelease", name: CLUSTER_STAGE, namespace },
      { apiVersion: "ceph.rook.io/v1", kind: "CephCluster", name: namespace, namespace },
    ],
    healthCheckExprs: [CEPH_CLUSTER_HEALTH],
  });
}

/** A reference to something `app` provides, marked with the cluster it is in when that is known. */
export function providedRef<T extends ReferenceType>(
  type: T,
  app: App,
  name: string,
  cluster: string | undefined,
  namespace?: string,
): Reference<T> {
  const ref = reference(type, app, name, namespace);
  return cluster === undefined ? ref : { ...ref, provider: { ...ref.provider, cluster } };
}

/** A Service of the cluster stage's namespace, as others connect to it. */
export function serviceEndpoint(app: App, name: string, port: number, cluster?: string): ServiceEndpoint {
  return {
    ...providedRef("Service", app, name, cluster, app.namespace),
    namespace: app.namespace,
    port,
    host: `${name}.${app.namespace}.svc.cluster.local`,
  };
}

/** References for a stage's `uses`: apps become App references, references stay as they are. */
export function stageUses(...items: readonly (App | Reference | undefined)[]): Reference[] {
  return items
    .filter((item): item is App | Reference => item !== undefined)
    .map((item) => ("type" in item ? item : appRef(item)));
}
