import type { ResolvedOpenEbsOptions } from "./options.js";

/** Name of the StorageClass the chart creates for LocalPV hostpath volumes. */
export const HOSTPATH_STORAGE_CLASS = "openebs-hostpath";

/**
 * Values of the openebs umbrella chart 4.4 for LocalPV hostpath alone: every other engine (Mayastor, ZFS, LVM), its
 * CRDs, the observability stack it bundles (Loki, Alloy, MinIO), the snapshot CRDs (the snapshot-controller
 * component owns them), the pre-upgrade hook and analytics are off. Images come from quay.io, where OpenEBS
 * publishes them too, rather than Docker Hub and its pull limits.
 */
export function openEbsValues(o: ResolvedOpenEbsOptions): Record<string, unknown> {
  return {
    alloy: { enabled: false },
    engines: {
      local: { lvm: { enabled: false }, zfs: { enabled: false } },
      replicated: { mayastor: { enabled: false } },
    },
    "localpv-provisioner": {
      analytics: { enabled: false },
      helperPod: { image: { registry: "quay.io/" } },
      hostpathClass: {
        basePath: o.basePath,
        enabled: true,
        isDefaultClass: o.defaultClass,
        name: HOSTPATH_STORAGE_CLASS,
        reclaimPolicy: o.reclaimPolicy,
      },
      localpv: { basePath: o.basePath, image: { registry: "quay.io/" } },
    },
    loki: { enabled: false },
    "lvm-localpv": { enabled: false },
    mayastor: { enabled: false },
    minio: { enabled: false },
    "openebs-crds": { csi: { volumeSnapshots: { enabled: false, keep: false } } },
    preUpgradeHook: { enabled: false },
    "zfs-localpv": { enabled: false },
  };
}
