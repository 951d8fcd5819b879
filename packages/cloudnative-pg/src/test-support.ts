// Fixtures this package's tests share (not exported from index.ts): the components a cluster's other packages
// provide, as far as these builders reference them.
import { type Component, defineApp, helmApp, reference, type StorageClassRef } from "@k8s-ops/core";
import { externalSecrets } from "@k8s-ops/external-secrets";
import { StorageClass } from "kubernetes-models/storage.k8s.io/v1/StorageClass";
import { cloudnativePg, type ObjectStoreOptions, type PostgresClusterOptions } from "./index.js";

/** The cluster's secret store. */
export const secrets = externalSecrets({ vault: "k8s-infra" });

/** Stand-in for the cert-manager component: its controller app installs the cert-manager CRDs and waits. */
export const certs: Component = {
  name: "cert-manager",
  apps: [
    helmApp({
      name: "cert-manager",
      namespace: "cert-manager",
      layer: "controllers",
      chart: { url: "oci://quay.io/jetstack/charts/cert-manager", tag: "v1.21.1" },
      crds: ["cert-manager.io/*", "acme.cert-manager.io/*"],
      wait: true,
    }),
  ],
};

function storageProvider(name: string, namespace: string, className: string) {
  const app = defineApp({
    name,
    namespace,
    layer: "controllers",
    objects: [new StorageClass({ metadata: { name: className }, provisioner: `${name}.example.com` })],
  });
  const ref: StorageClassRef = reference("StorageClass", app, className);
  return { component: { name, apps: [app] } satisfies Component, ref };
}

/** Stand-ins for the storage components: OpenEBS hostpath and Rook-Ceph block. */
const openebs = storageProvider("openebs", "openebs-system", "openebs-hostpath");
const rook = storageProvider("rook-ceph", "rook-ceph", "ceph-block");
export const storage = { hostpath: openebs.ref, cephBlock: rook.ref };

/** Stand-in for the VictoriaMetrics operator: it installs the VMPodScrape CRD. */
export const victoriaMetrics: Component = {
  name: "victoria-metrics",
  apps: [
    defineApp({
      name: "victoria-metrics-operator",
      namespace: "observability",
      layer: "controllers",
      objects: [],
      crds: ["operator.victoriametrics.com/*"],
      wait: true,
    }),
  ],
};

/** The operator and plugin the clusters' CRD kinds come from. */
export const cnpg = cloudnativePg({ certManager: certs });

/** Everything a postgresCluster() is rendered alongside. */
export const providers: readonly Component[] = [
  secrets,
  certs,
  cnpg,
  openebs.component,
  rook.component,
  victoriaMetrics,
];

/** The S3-compatible store backups go to. */
export const minio: ObjectStoreOptions = {
  endpoint: "https://s3.${SECRET_DOMAIN}",
  bucket: "postgres",
  credentials: { store: secrets.secretStore, item: "minio" },
};

/** The required options only. */
export const base: PostgresClusterOptions = {
  name: "odoo-db",
  namespace: "business",
  instances: 3,
  storage: { storageClass: storage.cephBlock, size: "20Gi" },
  credentials: { store: secrets.secretStore, item: "odoo-db" },
};
