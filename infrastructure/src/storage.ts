import { type RookCephOptions, rookCephExport } from "@k8s-ops/rook-ceph";
import { cephNodes, INFRA_INVENTORY } from "@k8s-ops/talos";
import { INFRA } from "./settings.js";

/** Rook-Ceph on infra: the options both clusters agree on. */
export const INFRA_ROOK = { settings: INFRA, nodes: cephNodes(INFRA_INVENTORY) } satisfies RookCephOptions;

/** What the apps cluster consumes of infra's Ceph: pools, filesystem, mon endpoints, connection item. */
export const INFRA_CEPH = rookCephExport(INFRA_ROOK);
