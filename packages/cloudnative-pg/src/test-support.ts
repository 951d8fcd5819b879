// Fixtures this package's tests share (not exported from index.ts): the components a cluster's other packages
// provide, as far as these builders reference them.
import type { Component } from "@k8s-ops/core";
import { externalSecrets } from "@k8s-ops/external-secrets";
import { certManagerStandIn, storageStandIn, victoriaMetricsOperatorStandIn } from "@k8s-ops/testing";
import { cloudnativePg, type ObjectStoreOptions, type PostgresClusterOptions } from "./index.js";

/** The cluster's secret store. */
export const secrets = externalSecrets({ vault: "k8s-infra" });

/** Stand-in for the cert-manager component: its controller app installs the cert-manager CRDs and waits. */
export const certs = certManagerStandIn();

/** Stand-ins for the storage components: OpenEBS hostpath and Rook-Ceph block. */
const openebs = storageStandIn({
  name: "openebs",
  namespace: "openebs-system",
  storageClass: "openebs-hostpath",
  provisioner: "openebs.example.com",
});
const rook = storageStandIn({
  name: "rook-ceph",
  namespace: "rook-ceph",
  storageClass: "ceph-block",
  provisioner: "rook-ceph.example.com",
});
export const storage = { hostpath: openebs.storageClass, cephBlock: rook.storageClass };

/** The operator and plugin the clusters' CRD kinds come from. */
export const cnpg = cloudnativePg({ certManager: certs });

/** Everything a postgresCluster() is rendered alongside (the VictoriaMetrics operator serves VMPodScrape). */
export const providers: readonly Component[] = [
  secrets,
  certs,
  cnpg,
  openebs.component,
  rook.component,
  victoriaMetricsOperatorStandIn(),
];

/** The S3-compatible store backups go to: the platform's Ceph RGW. */
export const rgw: ObjectStoreOptions = {
  endpoint: "https://s3.${SECRET_DOMAIN}",
  bucket: "postgres",
  credentials: { store: secrets.secretStore, item: "postgres-backup" },
};

/** The required options only. */
export const base: PostgresClusterOptions = {
  name: "odoo-db",
  namespace: "business",
  instances: 3,
  storage: { storageClass: storage.cephBlock, size: "20Gi" },
  credentials: { store: secrets.secretStore, item: "odoo-db" },
};
