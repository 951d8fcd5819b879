// Fixtures this package's tests share (not exported from index.ts).
import { type Component, defineApp, type GatewayRef, testSettings } from "@k8s-ops/core";
import { externalSecrets } from "@k8s-ops/external-secrets";
import { optionMessage } from "@k8s-ops/testing";
import { ConfigMap } from "kubernetes-models/v1/ConfigMap";
import { parseAllDocuments } from "yaml";
import type { CephNode, RookCephOptions } from "./index.js";

/** The provider: three nodes, as the infra inventory has them. */
export const settings = testSettings({
  name: "infra",
  id: 1,
  nodes: [1, 2, 3].map((n) => ({ name: `node-${n}`, address: `192.168.0.1${n}` })),
  secretVariables: ["SECRET_DOMAIN"],
});

/** The consumer cluster. */
export const appsSettings = testSettings({
  name: "apps",
  id: 2,
  nodes: [4, 5, 6].map((n) => ({ name: `node-${n}`, address: `192.168.0.1${n}` })),
});

/** Two NVMe OSDs per node, by id, as `cephNodes()` of `@k8s-ops/talos` lists them. */
export const nodes: CephNode[] = [1, 2, 3].map((n) => ({
  name: `node-${n}`,
  devices: [1, 2].map((d) => `/dev/disk/by-id/nvme-Samsung_SSD_990_PRO_4TB_S7KGNJ0W0001${n}${d}`),
}));

/** The required options only. */
export const base: RookCephOptions = { settings, nodes };

/** The consumer's secret store. */
export const secrets = externalSecrets({ vault: "k8s-apps" });

/** A stand-in for the envoy-gateway component: its gateway stage and the internal gateway it provides. */
const gatewayApp = defineApp({
  name: "envoy-gateway-config",
  namespace: "network",
  layer: "config",
  folder: "envoy-gateway",
  dir: "config",
  objects: [new ConfigMap({ metadata: { name: "gateway-stand-in" } })],
});
const internal: GatewayRef = {
  type: "Gateway",
  name: "envoy-internal",
  namespace: "network",
  provider: { name: gatewayApp.name, namespace: gatewayApp.namespace },
};
export const gateways: Component & { readonly gateways: { readonly internal: GatewayRef } } = {
  name: "envoy-gateway",
  apps: [gatewayApp],
  gateways: { internal },
};

export const message = optionMessage("rookCeph");
export const externalMessage = optionMessage("rookCephExternal");

type Ks = { metadata: { name: string }; spec: Record<string, unknown> };

/** The Kustomizations of the rook-ceph folder's ks.yaml, by name. */
export function kustomizations(
  files: ReadonlyMap<string, string>,
  names: readonly string[],
): (Ks | undefined)[] {
  const all = parseAllDocuments(files.get("apps/rook-ceph/rook-ceph/ks.yaml") ?? "").map(
    (d) => d.toJS() as Ks,
  );
  return names.map((name) => all.find((ks) => ks.metadata.name === name));
}
