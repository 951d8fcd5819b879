// Fixtures this package's tests share (not exported from index.ts).
import {
  type ClusterSettings,
  type Component,
  defineApp,
  reference,
  type StorageClassRef,
  testSettings,
} from "@k8s-ops/core";
import { externalSecrets } from "@k8s-ops/external-secrets";
import { StorageClass } from "kubernetes-models/storage.k8s.io/v1/StorageClass";
import { parseAllDocuments } from "yaml";
import type { VictoriaMetricsHubOptions } from "./index.js";

/** The two clusters, as the platform's settings describe them. */
export const INFRA: ClusterSettings = testSettings({
  name: "infra",
  id: 1,
  network: {
    nodeCidr: "10.25.11.0/24",
    podCidr: "10.244.0.0/16",
    serviceCidr: "10.245.0.0/16",
    loadBalancerCidr: "10.25.11.64/27",
  },
  nodes: [{ name: "infra-1", address: "10.25.11.11" }],
});

export const APPS: ClusterSettings = testSettings({
  name: "apps",
  id: 2,
  network: {
    nodeCidr: "10.25.11.0/24",
    podCidr: "10.246.0.0/16",
    serviceCidr: "10.247.0.0/16",
    loadBalancerCidr: "10.25.11.96/27",
  },
  nodes: [{ name: "apps-1", address: "10.25.11.14" }],
});

/** The hub cluster's secret store. */
export const secrets = externalSecrets({ vault: "k8s-infra" });

/** A storage component as the storage packages export one: an app providing the `ceph-block` StorageClass. */
const storageApp = defineApp({
  name: "rook-ceph-cluster",
  namespace: "rook-ceph",
  layer: "config",
  objects: [
    new StorageClass({ metadata: { name: "ceph-block" }, provisioner: "rook-ceph.rbd.csi.ceph.com" }),
  ],
});
export const cephBlock: StorageClassRef = reference("StorageClass", storageApp, "ceph-block");
export const storage: Component = { name: "rook-ceph", apps: [storageApp] };

/** The required hub options. */
export const hubBase: VictoriaMetricsHubOptions = {
  settings: INFRA,
  storageClass: cephBlock,
  address: "10.25.11.72",
  store: secrets.secretStore,
};

/** The Flux Kustomizations of one rendered ks.yaml, by name. */
export function kustomizations(
  files: ReadonlyMap<string, string>,
  path: string,
): Map<string, { spec: Record<string, unknown> }> {
  const docs = parseAllDocuments(files.get(path) ?? "").map(
    (doc) => doc.toJS() as { metadata: { name: string }; spec: Record<string, unknown> },
  );
  return new Map(docs.map((doc) => [doc.metadata.name, doc]));
}
