import {
  type ChartSource,
  type Component,
  helmApp,
  OptionError,
  packageOf,
  reference,
  type StorageClassRef,
} from "@k8s-ops/core";
import { type OpenEbsOptions, type ResolvedOpenEbsOptions, resolveOptions } from "./options.js";
import { HOSTPATH_STORAGE_CLASS, openEbsValues } from "./values.js";

/** Named on every object this package renders into a cluster. */
const SOURCE = packageOf(import.meta.url);

export const OPENEBS_CHART: ChartSource = {
  url: "oci://ghcr.io/openebs/charts/openebs",
  // renovate: datasource=docker depName=ghcr.io/openebs/charts/openebs
  tag: "4.4.0",
};

/**
 * The provisioner's helper pods mount the base path from the node (hostPath), which Pod Security's baseline and
 * restricted levels forbid: the namespace enforces `privileged`.
 */
export const OPENEBS_NAMESPACE_LABELS = { "pod-security.kubernetes.io/enforce": "privileged" } as const;

export interface OpenEbs extends Component {
  /** The `openebs-hostpath` StorageClass: node-local volumes; take it where a component asks for a StorageClassRef. */
  readonly storageClass: StorageClassRef;
}

/**
 * OpenEBS LocalPV hostpath and nothing else: the dynamic provisioner and the `openebs-hostpath` StorageClass (made
 * by the chart from its values), creating each volume as a folder under `basePath` on the node the pod runs on.
 * Flux waits for the release, so apps using the class start once the provisioner runs.
 */
export function openebs(options: OpenEbsOptions): OpenEbs {
  const o = resolveOptions(options);
  checkOptions(o);
  const app = helmApp({
    name: "openebs",
    namespace: o.namespace,
    layer: "controllers",
    chart: OPENEBS_CHART,
    values: openEbsValues(o),
    namespaceLabels: OPENEBS_NAMESPACE_LABELS,
    wait: true,
  });
  return {
    name: "openebs",
    apps: [app],
    source: SOURCE,
    storageClass: reference("StorageClass", app, HOSTPATH_STORAGE_CLASS),
  };
}

/** An absolute, normalised node path: `/segment/segment`, no `.` or `..` segment, empty segment or trailing slash. */
const NODE_PATH = /^(\/[A-Za-z0-9_][A-Za-z0-9._-]*)+$/;

function checkOptions(o: ResolvedOpenEbsOptions): void {
  if (!NODE_PATH.test(o.basePath)) {
    throw new OptionError({
      path: "openebs: basePath",
      message: "the hostpath base path must be an absolute, normalised node path",
      expected: "a path such as /var/mnt/local-hostpath (no trailing slash, '.' or '..')",
      found: JSON.stringify(o.basePath),
    });
  }
  if (o.basePath === "/var" || !o.basePath.startsWith("/var/")) {
    throw new OptionError({
      path: "openebs: basePath",
      message: "Talos nodes can only write below /var",
      expected: "a folder below /var, such as /var/mnt/local-hostpath",
      found: JSON.stringify(o.basePath),
    });
  }
}
