import { type App, appRef, type ChartSource, type HealthCheckExpr, helmApp } from "@k8s-ops/core";

export const ROOK_CEPH_CHART: ChartSource = {
  url: "oci://ghcr.io/rook/rook-ceph",
  // renovate: datasource=docker depName=ghcr.io/rook/rook-ceph
  tag: "v1.20.6",
};

export const ROOK_CEPH_CLUSTER_CHART: ChartSource = {
  url: "oci://ghcr.io/rook/rook-ceph-cluster",
  // renovate: datasource=docker depName=ghcr.io/rook/rook-ceph-cluster
  tag: "v1.20.6",
};

/**
 * The Ceph-CSI drivers Rook 1.20 needs beside the operator (which only runs ceph-csi-operator). Upstream publishes the
 * chart to an HTTP repository only (https://ceph.github.io/ceph-csi-operator); this is the home-operations OCI mirror.
 */
export const CEPH_CSI_DRIVERS_CHART: ChartSource = {
  url: "oci://ghcr.io/home-operations/charts-mirror/ceph-csi-drivers",
  // renovate: datasource=docker depName=ghcr.io/home-operations/charts-mirror/ceph-csi-drivers
  tag: "1.0.4",
};

/** The Ceph release the daemons run, pinned so a chart upgrade never moves Ceph by itself. */
export const CEPH_IMAGE = {
  repository: "quay.io/ceph/ceph",
  // renovate: datasource=docker depName=quay.io/ceph/ceph
  tag: "v20.2.4",
} as const;

/** The CRD groups the operator chart installs (Rook, object bucket claims, and ceph-csi-operator's). */
export const ROOK_CRDS = ["ceph.rook.io/*", "objectbucket.io/*", "csi.ceph.io/*"];

/** Ceph's daemons and the CSI node plugins use host networking and host paths: only `privileged` allows them. */
const PRIVILEGED = { "pod-security.kubernetes.io/enforce": "privileged" };

/** Flux health of a CephCluster: healthy while Ceph reports OK or WARN, failed on ERR; guarded until Ceph reports. */
export const CEPH_CLUSTER_HEALTH: HealthCheckExpr = {
  apiVersion: "ceph.rook.io/v1",
  kind: "CephCluster",
  current:
    "has(status.ceph) && has(status.ceph.health) && status.ceph.health in ['HEALTH_OK', 'HEALTH_WARN']",
  failed: "has(status.ceph) && has(status.ceph.health) && status.ceph.health == 'HEALTH_ERR'",
};

/** The folder every app of the component shares; each is a stage of it. */
export const FOLDER = "rook-ceph";

/** The operator with its CRDs. Storage is never pruned: removing it from git must not delete it. */
export function operatorApp(namespace: string): App {
  return helmApp({
    name: "rook-ceph",
    namespace,
    layer: "controllers",
    folder: FOLDER,
    chart: ROOK_CEPH_CHART,
    values: { crds: { enabled: true }, monitoring: { enabled: false } },
    crds: ROOK_CRDS,
    namespaceLabels: PRIVILEGED,
    prune: false,
    wait: true,
  });
}

/** The CSI drivers (RBD and CephFS, snapshots on), named as Rook's StorageClasses expect: `<namespace>.rbd.csi.ceph.com`. */
export function csiDriversApp(namespace: string, operator: App): App {
  const driver = (kind: string, enabled: boolean, snapshots: boolean) => ({
    enabled,
    name: driverName(namespace, kind),
    ...(snapshots ? { snapshotPolicy: "volumeSnapshot" } : {}),
  });
  return helmApp({
    name: "ceph-csi-drivers",
    namespace,
    layer: "controllers",
    folder: FOLDER,
    dir: "csi-drivers",
    chart: CEPH_CSI_DRIVERS_CHART,
    values: {
      drivers: {
        cephfs: driver("cephfs", true, true),
        nfs: driver("nfs", false, false),
        nvmeof: driver("nvmeof", false, false),
        rbd: driver("rbd", true, true),
      },
      operatorConfig: {
        driverSpecDefaults: {
          controllerPlugin: { priorityClassName: "system-cluster-critical" },
          imageSet: { name: "rook-csi-operator-image-set-configmap" },
          nodePlugin: { priorityClassName: "system-node-critical" },
        },
        namespace,
      },
    },
    // The Driver CRDs come with the operator; its app renders no Driver, so the dependency is named.
    uses: [appRef(operator)],
    prune: false,
    wait: true,
  });
}

/** The CSI driver (provisioner) name of a kind, as Rook and the drivers chart name it. */
export function driverName(namespace: string, kind: string): string {
  return `${namespace}.${kind}.csi.ceph.com`;
}
