import {
  type AppRef,
  appRef,
  type ChartSource,
  type Component,
  helmApp,
  OptionError,
  packageOf,
  SERVICE_MONITOR,
} from "@k8s-ops/core";
import {
  type ResolvedSnapshotControllerOptions,
  resolveOptions,
  type SnapshotControllerOptions,
} from "./options.js";

/** Named on every object this package renders into a cluster. */
const SOURCE = packageOf(import.meta.url);

export const SNAPSHOT_CONTROLLER_CHART: ChartSource = {
  url: "oci://ghcr.io/piraeusdatastore/helm-charts/snapshot-controller",
  // renovate: datasource=docker depName=ghcr.io/piraeusdatastore/helm-charts/snapshot-controller
  tag: "5.2.0",
};

/**
 * The CRD groups the chart installs (VolumeSnapshot, VolumeSnapshotClass, VolumeSnapshotContent and the group
 * snapshot kinds): an app that renders a VolumeSnapshotClass or a VolumeSnapshot depends on this one through them.
 */
export const SNAPSHOT_CRDS = ["snapshot.storage.k8s.io/*", "groupsnapshot.storage.k8s.io/*"];

export interface SnapshotController extends Component {
  /**
   * The snapshot API (CRDs and controller) as a whole, for apps that need snapshots without rendering a snapshot
   * kind themselves (a backup operator that creates VolumeSnapshots at run time): put it in their `uses`.
   */
  readonly snapshotApi: AppRef;
}

/**
 * The CSI snapshot controller with the `snapshot.storage.k8s.io` CRDs (the chart installs them from its templates),
 * health-checked so that the apps using snapshots wait for it. The chart's conversion webhook (only for
 * VolumeGroupSnapshot objects of the beta APIs) is off: since external-snapshotter 8 the CRDs validate snapshots
 * with CEL rules and no validation webhook exists any more.
 */
export function snapshotController(options: SnapshotControllerOptions = {}): SnapshotController {
  const o = resolveOptions(options);
  checkOptions(o);
  const app = helmApp({
    name: "snapshot-controller",
    namespace: o.namespace,
    layer: "controllers",
    chart: SNAPSHOT_CONTROLLER_CHART,
    values: snapshotControllerValues(o),
    chartKinds: o.serviceMonitor ? [SERVICE_MONITOR] : [],
    crds: SNAPSHOT_CRDS,
    wait: true,
  });
  return { name: "snapshot-controller", source: SOURCE, apps: [app], snapshotApi: appRef(app) };
}

function snapshotControllerValues(o: ResolvedSnapshotControllerOptions): Record<string, unknown> {
  return {
    controller: {
      replicaCount: o.replicas,
      serviceMonitor: { create: o.serviceMonitor },
    },
    webhook: { enabled: false },
  };
}

function checkOptions(o: ResolvedSnapshotControllerOptions): void {
  if (!Number.isInteger(o.replicas) || o.replicas < 1) {
    throw new OptionError({
      path: "snapshot-controller: replicas",
      message: "the snapshot controller needs at least one replica",
      expected: "an integer ≥ 1",
      found: String(o.replicas),
    });
  }
}
