import { certManager } from "@k8s-ops/cert-manager";
import { cilium } from "@k8s-ops/cilium";
import { cloudflared } from "@k8s-ops/cloudflared";
import { cloudnativePg } from "@k8s-ops/cloudnative-pg";
import type { GatewayRef, SecretStoreRef, ServiceEndpoint } from "@k8s-ops/core";
import { coredns } from "@k8s-ops/coredns";
import { dragonflyOperator } from "@k8s-ops/dragonfly";
import { envoyGateway, httpRoute } from "@k8s-ops/envoy-gateway";
import { externalDns } from "@k8s-ops/external-dns";
import { externalSecrets, storeSecret } from "@k8s-ops/external-secrets";
import { metricsServer } from "@k8s-ops/metrics-server";
import type { EgressTarget, IngressSource } from "@k8s-ops/network-policies";
import { openebs } from "@k8s-ops/openebs";
import { reloader } from "@k8s-ops/reloader";
import { snapshotController } from "@k8s-ops/snapshot-controller";
import { spegel } from "@k8s-ops/spegel";
import { systemUpgradeController } from "@k8s-ops/system-upgrade-controller";
import { DEFAULT_SCHEMATIC, installerImage, OPENEBS_HOSTPATH } from "@k8s-ops/talos";
import { volsync } from "@k8s-ops/volsync";
import { platformPolicies } from "./allows.js";
import { MESH_NATIVE_ROUTING_CIDR, meshOf } from "./mesh.js";
import { GIT_REPOSITORY } from "./repository.js";
import { CLUSTERS, type ClusterName, DOMAIN } from "./settings.js";

export interface PlatformOptions {
  readonly cluster: ClusterName;
  /** The LoadBalancer addresses of the external and internal gateways, in the cluster's pool. */
  readonly gatewayAddresses: { readonly external: string; readonly internal: string };
  /**
   * Egress a namespace needs beyond the baseline (default deny, DNS), added to the defaults, the database operators'
   * and what the clusters need of each other (Ceph, the observability hub). @default {}
   */
  readonly egress?: Readonly<Record<string, readonly EgressTarget[]>>;
  /** Ingress a namespace takes from outside the cluster, added to what the other clusters need. @default {} */
  readonly ingress?: Readonly<Record<string, readonly IngressSource[]>>;
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
  const tunnel = tunnelRecord(options.cluster);
  const gateways = envoyGateway({
    settings,
    addresses: options.gatewayAddresses,
    issuer: certs.issuers.production,
    domain: DOMAIN,
    externalDnsTarget: tunnel,
  });
  // Charts' own ServiceMonitors and PodMonitors are on where Flux installs the chart (the VictoriaMetrics operator
  // converts them; chartKinds orders each app after the Prometheus CRDs). The bootstrapped charts (cilium, coredns,
  // spegel, cert-manager, external-secrets, flux) keep theirs off: helmfile installs them before those CRDs exist.
  const snapshots = snapshotController({ serviceMonitor: true });
  const network = [
    cilium({
      settings,
      nativeRoutingCidr: MESH_NATIVE_ROUTING_CIDR,
      clusterMesh: meshOf(options.cluster, store),
    }),
    coredns({ settings }),
    spegel(),
    platformPolicies(options.cluster, options),
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
      serviceMonitor: true,
    }),
    cloudflared({ domain: DOMAIN, gateway: gateways.services.external, store, dnsName: tunnel }),
  ];
  const operations = [
    // Talos kubelets serve self-signed certificates: there is no serving-certificate rotation and CSR approver here.
    metricsServer({ kubeletInsecureTls: true, serviceMonitor: true }),
    reloader({ podMonitor: true }),
    // Upgrades install the Image Factory installer the nodes were installed from (talosFiles' default schematic).
    systemUpgradeController({
      settings,
      installerImage: installerImage(settings, { schematic: DEFAULT_SCHEMATIC }),
    }),
    openebs({ basePath: OPENEBS_HOSTPATH }),
    snapshots,
    volsync({ snapshots: snapshots.snapshotApi }),
  ];
  const databases = [
    cloudnativePg({ certManager: certs, podMonitor: true }),
    dragonflyOperator({ serviceMonitor: true }),
  ];
  const gitops = fluxAddons(options.cluster, store, gateways.gateways.external);
  return { settings, store, certs, gateways, snapshots, network, ingress, operations, databases, gitops };
}

/**
 * The Cloudflare tunnel's DNS record, which routes on `envoy-external` are published as CNAMEs to. One per cluster:
 * both clusters write to one zone, and external-dns lets only one owner keep a name.
 */
function tunnelRecord(cluster: ClusterName): string {
  return `external-${cluster}.${DOMAIN}`;
}

/**
 * What Flux adds on every cluster (`flux({ notifications: { ...gitops.notifications, namespaces }, receiver })`):
 * commit statuses on the repository, and a push Receiver routed from the Internet on the external gateway, their
 * tokens from the vault's `flux` item. Not Alertmanager: VMAlertmanager runs on infra only, out of the apps
 * cluster's reach, and the baseline policies keep flux-system out of the observability namespace.
 */
function fluxAddons(cluster: ClusterName, store: SecretStoreRef, gateway: GatewayRef) {
  const token = (name: string, field: string) =>
    storeSecret({ name, store, item: "flux", template: { token: `{{ .${field} }}` } });
  const hostnames = [`flux-webhook-${cluster}.${DOMAIN}`];
  return {
    notifications: {
      type: "github" as const,
      address: GIT_REPOSITORY,
      secret: token("github-status", "FLUX_GITHUB_TOKEN"),
    },
    receiver: {
      secret: token("github-webhook", "FLUX_GITHUB_WEBHOOK_TOKEN"),
      route: (service: ServiceEndpoint) => httpRoute({ name: "flux-webhook", gateway, hostnames, service }),
    },
  };
}
