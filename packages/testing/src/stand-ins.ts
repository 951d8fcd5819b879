/**
 * Stand-ins for the components a cluster's other packages provide, as far as a component under test references
 * them: cert-manager, the gateways, a storage class provider, an operator serving CRD kinds.
 * Render them beside the component (`componentYaml(component, settings, alongside)`); they never print.
 */
import {
  type App,
  type ClusterIssuerRef,
  type Component,
  defineApp,
  type GatewayRef,
  helmApp,
  type KubeObject,
  type Layer,
  reference,
  type StorageClassRef,
  type VolumeSnapshotClassRef,
} from "@k8s-ops/core";

const CERT_MANAGER_CRDS = ["cert-manager.io/*", "acme.cert-manager.io/*"];

/** cert-manager's controller as a Helm release installing its CRDs and waiting (what an operator's webhook needs). */
export function certManagerStandIn(): Component {
  const controller = helmApp({
    name: "cert-manager",
    namespace: "cert-manager",
    layer: "controllers",
    chart: { url: "oci://quay.io/jetstack/charts/cert-manager", tag: "v1.21.1" },
    crds: CERT_MANAGER_CRDS,
    wait: true,
  });
  return { name: "cert-manager", apps: [controller] };
}

/** cert-manager as the gateways need it: an app serving its CRDs and an issuers stage with the production issuer. */
export function certIssuersStandIn(): Component & {
  readonly issuers: { readonly production: ClusterIssuerRef };
} {
  const controller = defineApp({
    name: "cert-manager",
    namespace: "cert-manager",
    layer: "controllers",
    objects: [],
    crds: CERT_MANAGER_CRDS,
  });
  const issuers = defineApp({
    name: "cert-manager-issuers",
    namespace: "cert-manager",
    layer: "config",
    folder: "cert-manager",
    dir: "issuers",
    objects: [],
  });
  return {
    name: "cert-manager",
    apps: [controller, issuers],
    issuers: { production: reference("ClusterIssuer", issuers, "letsencrypt-production") },
  };
}

/** What a gateways stand-in gives: its app, a component holding it, and the two gateways. */
export interface GatewaysStandIn {
  readonly app: App;
  readonly component: Component;
  readonly internal: GatewayRef;
  readonly external: GatewayRef;
}

/** envoy-gateway's gateways stage (`network/envoy-gateways`), serving the Gateway API kinds when `crds` is set. */
export function gatewaysStandIn(options: { readonly crds?: boolean } = {}): GatewaysStandIn {
  const app = defineApp({
    name: "envoy-gateways",
    namespace: "network",
    layer: "config",
    objects: [],
    ...(options.crds ? { crds: ["gateway.networking.k8s.io/*"] } : {}),
  });
  const gateway = (name: string): GatewayRef => ({
    ...reference("Gateway", app, name, "network"),
    namespace: "network",
  });
  return {
    app,
    component: { name: "envoy-gateway", apps: [app] },
    internal: gateway("envoy-internal"),
    external: gateway("envoy-external"),
  };
}

/** Where a storage stand-in lives and what it provides. */
export interface StorageStandInOptions {
  /** The app (and component) name. */
  readonly name: string;
  readonly namespace: string;
  /** @default "controllers" */
  readonly layer?: Layer;
  /** The component's name. @default name */
  readonly component?: string;
  readonly storageClass: string;
  /** The StorageClass object's provisioner; without one the app renders no StorageClass. */
  readonly provisioner?: string;
  /** A VolumeSnapshotClass the provider offers. */
  readonly snapshotClass?: string;
}

/** What a storage stand-in gives: its app, a component holding it, and the references. */
export interface StorageStandIn {
  readonly app: App;
  readonly component: Component;
  readonly storageClass: StorageClassRef;
  readonly snapshotClass: VolumeSnapshotClassRef | undefined;
}

/** A StorageClass object (the storage.k8s.io/v1 fields a stand-in needs). */
function storageClassObject(name: string, provisioner: string): KubeObject {
  const json = { apiVersion: "storage.k8s.io/v1", kind: "StorageClass", metadata: { name }, provisioner };
  return { ...json, metadata: { name }, toJSON: () => json };
}

/** A storage provider: an app offering a StorageClass (and a VolumeSnapshotClass if asked). */
export function storageStandIn(
  options: StorageStandInOptions & { readonly snapshotClass: string },
): StorageStandIn & { readonly snapshotClass: VolumeSnapshotClassRef };
export function storageStandIn(options: StorageStandInOptions): StorageStandIn;
export function storageStandIn(options: StorageStandInOptions): StorageStandIn {
  const { name, namespace, provisioner, snapshotClass } = options;
  const app = defineApp({
    name,
    namespace,
    layer: options.layer ?? "controllers",
    objects: provisioner ? [storageClassObject(options.storageClass, provisioner)] : [],
  });
  return {
    app,
    component: { name: options.component ?? name, apps: [app] },
    storageClass: reference("StorageClass", app, options.storageClass),
    snapshotClass: snapshotClass ? reference("VolumeSnapshotClass", app, snapshotClass) : undefined,
  };
}

/** Rook-Ceph's `ceph-block` StorageClass, as the rook-ceph app provides it. */
export function cephBlockStandIn(): StorageStandIn {
  return storageStandIn({
    name: "rook-ceph",
    namespace: "rook-ceph",
    storageClass: "ceph-block",
    provisioner: "rook-ceph.rbd.csi.ceph.com",
  });
}

/** An operator installing CRDs: a Helm release when a chart is given, otherwise an app with no objects. */
export interface OperatorStandInOptions {
  readonly name: string;
  readonly namespace: string;
  /** CRDs it installs, as `group/Kind` or `group/*`. */
  readonly crds: readonly string[];
  /** @default false */
  readonly wait?: boolean;
  readonly folder?: string;
  readonly chart?: { readonly url: string; readonly tag: string };
}

/** An operator app serving CRD kinds, in the `controllers` layer. */
export function operatorStandIn(options: OperatorStandInOptions): App {
  const { chart, wait, folder, ...app } = options;
  const common = {
    ...app,
    crds: [...options.crds],
    layer: "controllers" as const,
    ...(folder ? { folder } : {}),
    ...(wait ? { wait } : {}),
  };
  return chart ? helmApp({ ...common, chart }) : defineApp({ ...common, objects: [] });
}

/** The VictoriaMetrics operator (component `victoria-metrics`): serves the operator.victoriametrics.com kinds. */
export function victoriaMetricsOperatorStandIn(): Component {
  const app = operatorStandIn({
    name: "victoria-metrics-operator",
    namespace: "observability",
    crds: ["operator.victoriametrics.com/*"],
    wait: true,
  });
  return { name: "victoria-metrics", apps: [app] };
}
