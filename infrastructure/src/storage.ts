import { type RookCephOptions, rookCephExport } from "@k8s-ops/rook-ceph";
import { cephNodes, INFRA_INVENTORY } from "@k8s-ops/talos";
import { DOMAIN, INFRA } from "./settings.js";

/** Where RGW's S3 API is routed on infra's internal gateway, for the apps cluster's buckets. */
export const INFRA_S3_HOSTNAME = `s3.${DOMAIN}`;

/** Rook-Ceph on infra: the options both clusters agree on (infra routes `INFRA_S3_HOSTNAME` to RGW). */
export const INFRA_ROOK = {
  settings: INFRA,
  nodes: cephNodes(INFRA_INVENTORY),
  rgwEndpoint: `https://${INFRA_S3_HOSTNAME}`,
} satisfies RookCephOptions;

/** What the apps cluster consumes of infra's Ceph: pools, filesystem, mon endpoints, connection item. */
export const INFRA_CEPH = rookCephExport(INFRA_ROOK);
