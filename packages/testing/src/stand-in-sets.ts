/** Sets of stand-ins that several kinds of component are rendered beside. */
import type {
  ClusterIssuerRef,
  ClusterSettings,
  Component,
  GatewayRef,
  StorageClassRef,
  VolumeSnapshotClassRef,
} from "@k8s-ops/core";
import { SECRET_DOMAIN_SETTINGS } from "./settings.js";
import {
  cephBlockStandIn,
  certIssuersStandIn,
  certManagerStandIn,
  type GatewaysStandIn,
  gatewaysStandIn,
  operatorStandIn,
  type StorageStandIn,
  storageStandIn,
  victoriaMetricsOperatorStandIn,
} from "./stand-ins.js";

/** What an infra-cluster web app with a CloudNativePG database is rendered beside, and what it references. */
export interface DatabaseAppStandIns {
  /** cert-manager, the Postgres operator, Rook-Ceph, the gateways and the VictoriaMetrics operator, in order. */
  readonly providers: readonly Component[];
  readonly certManager: Component;
  readonly storageClass: StorageClassRef;
  readonly internalGateway: GatewayRef;
}

/**
 * The providers of a web app with its own CloudNativePG cluster: cert-manager's controller (the operator's webhook
 * certificate needs its CRDs), the Postgres operator `postgresOperator` builds on it (pass the real one), Rook-Ceph's
 * `ceph-block`, the gateways stage serving the Gateway API kinds, and the VictoriaMetrics operator (VMPodScrape).
 */
export function databaseAppStandIns(
  postgresOperator: (certManager: Component) => Component,
): DatabaseAppStandIns {
  const certManager = certManagerStandIn();
  const storage = cephBlockStandIn();
  const gateways = gatewaysStandIn({ crds: true });
  return {
    providers: [
      certManager,
      postgresOperator(certManager),
      storage.component,
      gateways.component,
      victoriaMetricsOperatorStandIn(),
    ],
    certManager,
    storageClass: storage.storageClass,
    internalGateway: gateways.internal,
  };
}

/** What an apps-cluster workload references, as one `platform` component. */
export interface PlatformStandIn {
  readonly component: Component;
  readonly gateways: GatewaysStandIn;
  /** The Ceph CSI consumer: `ceph-block` and its snapshot class `csi-ceph-blockpool`. */
  readonly storage: StorageStandIn & { readonly snapshotClass: VolumeSnapshotClassRef };
}

/**
 * One `platform` component holding an `operators` app serving `crds` (and the Gateway API kinds), envoy-gateway's
 * gateways stage and the Ceph CSI consumer's block and snapshot classes (rendering no objects).
 */
export function platformStandIn(crds: readonly string[]): PlatformStandIn {
  const operators = operatorStandIn({
    name: "operators",
    namespace: "operators",
    crds: [...crds, "gateway.networking.k8s.io/*"],
  });
  const gateways = gatewaysStandIn();
  const storage = storageStandIn({
    name: "rook-ceph",
    namespace: "rook-ceph",
    layer: "config",
    storageClass: "ceph-block",
    snapshotClass: "csi-ceph-blockpool",
  });
  return {
    component: { name: "platform", apps: [operators, gateways.app, storage.app] },
    gateways,
    storage,
  };
}

/** The options a gateways builder is given by `routeStandIns`: the test cluster, two addresses in its range, the issuer. */
export interface GatewaysBuilderOptions {
  readonly settings: ClusterSettings;
  readonly addresses: { readonly external: string; readonly internal: string };
  readonly issuer: ClusterIssuerRef;
}

/** What a component with a route is rendered beside. */
export interface RouteStandIns<G extends Component> {
  /** `SECRET_DOMAIN_SETTINGS`. */
  readonly settings: ClusterSettings;
  /** The gateways `build` made. */
  readonly gateways: G;
  /** cert-manager's issuers stand-in and the gateways. */
  readonly alongside: readonly Component[];
}

/**
 * The gateways a component's routes attach to: `build` (pass the real envoy-gateway builder) is given the test
 * cluster, the addresses 192.168.0.130 (external) and .131 (internal), and cert-manager's production issuer stand-in.
 */
export function routeStandIns<G extends Component>(
  build: (options: GatewaysBuilderOptions) => G,
): RouteStandIns<G> {
  const certs = certIssuersStandIn();
  const settings = SECRET_DOMAIN_SETTINGS;
  const gateways = build({
    settings,
    addresses: { external: "192.168.0.130", internal: "192.168.0.131" },
    issuer: certs.issuers.production,
  });
  return { settings, gateways, alongside: [certs, gateways] };
}
