// Fixtures this package's tests share (not exported from index.ts).
import type { ClusterSettings, Component } from "@k8s-ops/core";
import { externalSecrets } from "@k8s-ops/external-secrets";
import { appOf, objectsOf, PLATFORM_SETTINGS, storageStandIn } from "@k8s-ops/testing";
import { parseAllDocuments } from "yaml";
import { type VictoriaMetricsHubOptions, type VMAgentOptions, victoriaMetricsHub, vmAgent } from "./index.js";

/** The two clusters, as the platform's settings describe them. */
export const INFRA: ClusterSettings = PLATFORM_SETTINGS.infra;
export const APPS: ClusterSettings = PLATFORM_SETTINGS.apps;

/** The hub cluster's secret store. */
export const secrets = externalSecrets({ vault: "k8s-infra" });
/** The spoke's own secret store. */
export const appsSecrets = externalSecrets({ vault: "k8s-apps" });

/** A storage component as the storage packages export one: an app providing the `ceph-block` StorageClass. */
const storageProvider = storageStandIn({
  name: "rook-ceph-cluster",
  component: "rook-ceph",
  namespace: "rook-ceph",
  layer: "config",
  storageClass: "ceph-block",
  provisioner: "rook-ceph.rbd.csi.ceph.com",
});
export const cephBlock = storageProvider.storageClass;
export const storage: Component = storageProvider.component;

/** The required hub options, and the apps cluster as its spoke. */
export const hubBase: VictoriaMetricsHubOptions = {
  settings: INFRA,
  storageClass: cephBlock,
  address: "10.25.11.72",
  store: secrets.secretStore,
  spokes: [APPS],
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

/** infra's hub, as the spokes' tests take it. */
export const infraHub = victoriaMetricsHub(hubBase);

/** The spec of the apps cluster's VMAgent writing to infra's hub, with `options` on top. */
export function agentSpec(options: Partial<VMAgentOptions> = {}): Record<string, unknown> {
  const agent = vmAgent({ settings: APPS, store: appsSecrets.secretStore, hub: infraHub.hub, ...options });
  return objectsOf(appOf(agent, "vmagent"), "VMAgent")[0]?.spec as Record<string, unknown>;
}
