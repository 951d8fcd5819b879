import { type ChartSource, type Component, helmApp, packageOf } from "@k8s-ops/core";
import { resolveOptions, type VolSyncOptions } from "./options.js";

/** Named on every object this package renders into a cluster. */
const SOURCE = packageOf(import.meta.url);

/**
 * The VolSync chart. Backube publishes it only to an HTTP Helm repository (https://backube.github.io/helm-charts;
 * backube/volsync#1525, asking for OCI, was closed without it), so it comes from the home-operations OCI mirror of
 * that repository, which republishes each upstream release unchanged, signed with cosign.
 */
export const VOLSYNC_CHART: ChartSource = {
  url: "oci://ghcr.io/home-operations/charts-mirror/volsync",
  // renovate: datasource=docker depName=ghcr.io/home-operations/charts-mirror/volsync
  tag: "0.15.0",
};

/** The CRD group the chart installs: apps with ReplicationSources or ReplicationDestinations depend on VolSync. */
export const VOLSYNC_CRDS = ["volsync.backube/*"];

/** The chart manages the CRDs (from its templates, so upgrades update them); everything else is the chart's default. */
const VOLSYNC_VALUES = { manageCRDs: true };

export interface VolSync extends Component {}

/**
 * The VolSync operator with its CRDs (`manageCRDs`), after the snapshot controller, waited for by Flux so that
 * apps with backups (`backup()`) start once it runs.
 */
export function volsync(options: VolSyncOptions): VolSync {
  const o = resolveOptions(options);
  const app = helmApp({
    name: "volsync",
    namespace: o.namespace,
    layer: "controllers",
    chart: VOLSYNC_CHART,
    values: VOLSYNC_VALUES,
    crds: VOLSYNC_CRDS,
    uses: [o.snapshots],
    wait: true,
  });
  return { name: "volsync", source: SOURCE, apps: [app] };
}
