import { type App, defineApp } from "@k8s-ops/core";
import { type StoreSecret, storeSecret } from "@k8s-ops/external-secrets";
import { ConfigMap } from "kubernetes-models/v1/ConfigMap";
import { FOLDER } from "./charts.js";
import { CSI_SECRETS } from "./classes.js";
import type { RookExport } from "./export.js";
import type { ResolvedRookCephExternalOptions } from "./options.js";

/** The Secret and ConfigMap Rook's external mode reads the provider's identity and mons from. */
export const MON_SECRET = "rook-ceph-mon";
export const MON_ENDPOINTS = "rook-ceph-mon-endpoints";

/**
 * `rook-ceph-mon`, as `import-external-cluster.sh` creates it: the provider's fsid and the health-checker user the
 * operator connects as. The admin and mon keys stay placeholders: a consumer never holds them.
 */
function monSecret(o: ResolvedRookCephExternalOptions): StoreSecret {
  return storeSecret({
    name: MON_SECRET,
    store: o.store,
    item: o.source.connectionItem,
    targetName: MON_SECRET,
    template: {
      "admin-secret": "admin-secret",
      "ceph-secret": "{{ .ROOK_EXTERNAL_USER_SECRET }}",
      "ceph-username": "{{ .ROOK_EXTERNAL_USERNAME }}",
      "cluster-name": o.namespace,
      fsid: "{{ .ROOK_EXTERNAL_FSID }}",
      "mon-secret": "mon-secret",
    },
  });
}

/** One CSI user's Secret (`userID`, `userKey`), from the item fields the script names `<VARIABLE>_NAME` and `<VARIABLE>`. */
function csiSecret(o: ResolvedRookCephExternalOptions, name: string, variable: string): StoreSecret {
  return storeSecret({
    name,
    store: o.store,
    item: o.source.connectionItem,
    targetName: name,
    template: { userID: `{{ .${variable}_NAME }}`, userKey: `{{ .${variable} }}` },
  });
}

/**
 * Flux creates the ConfigMap once and then leaves it to Rook, which rewrites it from the provider's mon map (see
 * docs/decisions/0009-mon-endpoints-configmap.md): re-applying it would undo Rook's updates on every reconcile.
 */
export const SEED_ONLY = { "kustomize.toolkit.fluxcd.io/ssa": "IfNotPresent" } as const;

/**
 * `rook-ceph-mon-endpoints`, rendered from the export: mon addresses are not secret, and an ExternalSecret can only
 * write Secrets. The format is the import script's: `data` as `<name>=<address>:<port>` joined by commas. Flux only
 * seeds it (`SEED_ONLY`): the operator keeps it in step with the provider's mons afterwards.
 */
export function monEndpointsConfigMap(source: RookExport): ConfigMap {
  return new ConfigMap({
    metadata: { annotations: { ...SEED_ONLY }, name: MON_ENDPOINTS },
    data: {
      data: source.monEndpoints.map((mon) => `${mon.name}=${mon.address}:${mon.port}`).join(","),
      mapping: "{}",
      maxMonId: String(source.monEndpoints.length - 1),
    },
  });
}

/** The import stage: what `import-external-cluster.sh` would create, from the store and the export; waits until synced. */
export function importStage(o: ResolvedRookCephExternalOptions): App {
  const secrets = [
    monSecret(o),
    csiSecret(o, CSI_SECRETS.rbdNode, "CSI_RBD_NODE_SECRET"),
    csiSecret(o, CSI_SECRETS.rbdProvisioner, "CSI_RBD_PROVISIONER_SECRET"),
    csiSecret(o, CSI_SECRETS.cephfsNode, "CSI_CEPHFS_NODE_SECRET"),
    csiSecret(o, CSI_SECRETS.cephfsProvisioner, "CSI_CEPHFS_PROVISIONER_SECRET"),
  ];
  return defineApp({
    name: "rook-ceph-import",
    namespace: o.namespace,
    layer: "config",
    folder: FOLDER,
    dir: "import",
    objects: [...secrets.map((secret) => secret.object), monEndpointsConfigMap(o.source)],
    uses: [o.store],
    prune: false,
    wait: true,
  });
}
