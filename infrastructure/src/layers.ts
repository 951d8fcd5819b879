import { certManager } from "@k8s-ops/cert-manager";
import { cilium } from "@k8s-ops/cilium";
import { cloudflared } from "@k8s-ops/cloudflared";
import { cloudnativePg } from "@k8s-ops/cloudnative-pg";
import { coredns } from "@k8s-ops/coredns";
import { dragonflyOperator } from "@k8s-ops/dragonfly";
import { envoyGateway } from "@k8s-ops/envoy-gateway";
import { externalDns } from "@k8s-ops/external-dns";
import { externalSecrets } from "@k8s-ops/external-secrets";
import { metricsServer } from "@k8s-ops/metrics-server";
import { DEFAULT_EGRESS, type EgressTarget, networkPolicies } from "@k8s-ops/network-policies";
import { openebs } from "@k8s-ops/openebs";
import { reloader } from "@k8s-ops/reloader";
import { snapshotController } from "@k8s-ops/snapshot-controller";
import { spegel } from "@k8s-ops/spegel";
import { systemUpgradeController } from "@k8s-ops/system-upgrade-controller";
import { OPENEBS_HOSTPATH } from "@k8s-ops/talos";
import { volsync } from "@k8s-ops/volsync";
import { MESH_NATIVE_ROUTING_CIDR, meshOf } from "./mesh.js";
import { CLUSTERS, type ClusterName, DOMAIN } from "./settings.js";

export interface PlatformOptions {
  readonly cluster: ClusterName;
  /** The LoadBalancer addresses of the external and internal gateways, in the cluster's pool. */
  readonly gatewayAddresses: { readonly external: string; readonly internal: string };
  /** Egress a namespace needs beyond the baseline (default deny, DNS), besides the database operators'. */
  readonly egress?: Readonly<Record<string, readonly EgressTarget[]>>;
}

/**
 * The layers both clusters run, built one way: networking, secrets and certificates, gateways and DNS, cluster
 * operations, and the database operators. What a cluster adds (storage, observability, apps) it builds on the
 * references returned here.
 */
export function platform(options: PlatformOptions) {
  const settings = CLUSTERS[options.cluster];
  const secrets = externalSecrets({ vault: `k8s-${options.cluster}` });
  const store = secrets.secretStore;
  const certs = certManager({ store, email: `admin@${DOMAIN}`, dnsZones: [DOMAIN] });
  const gateways = envoyGateway({
    settings,
    addresses: options.gatewayAddresses,
    issuer: certs.issuers.production,
    domain: DOMAIN,
  });
  const snapshots = snapshotController();
  const network = [
    cilium({
      settings,
      nativeRoutingCidr: MESH_NATIVE_ROUTING_CIDR,
      clusterMesh: meshOf(options.cluster, store),
    }),
    coredns({ settings }),
    spegel(),
    networkPolicies({
      egress: {
        ...DEFAULT_EGRESS,
        "cnpg-system": ["cluster"],
        "dragonfly-system": ["cluster"],
        ...options.egress,
      },
    }),
  ];
  const ingress = [
    secrets,
    certs,
    gateways,
    externalDns({
      txtOwnerId: options.cluster,
      domainFilters: [DOMAIN],
      store,
      gateway: gateways.gateways.external,
    }),
    cloudflared({ domain: DOMAIN, gateway: gateways.services.external, store }),
  ];
  const operations = [
    metricsServer(),
    reloader(),
    systemUpgradeController({ settings }),
    openebs({ basePath: OPENEBS_HOSTPATH }),
    snapshots,
    volsync({ snapshots: snapshots.snapshotApi }),
  ];
  const databases = [cloudnativePg({ certManager: certs }), dragonflyOperator()];
  return { settings, store, certs, gateways, snapshots, network, ingress, operations, databases };
}
