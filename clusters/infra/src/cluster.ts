import { bootstrapFiles } from "@k8s-ops/bootstrap";
import { certManager } from "@k8s-ops/cert-manager";
import { cilium } from "@k8s-ops/cilium";
import { cloudflared } from "@k8s-ops/cloudflared";
import { defineCluster } from "@k8s-ops/core";
import { coredns } from "@k8s-ops/coredns";
import { envoyGateway } from "@k8s-ops/envoy-gateway";
import { externalDns } from "@k8s-ops/external-dns";
import { externalSecrets } from "@k8s-ops/external-secrets";
import { flux } from "@k8s-ops/flux";
import { GIT_REPOSITORY, MESH_NATIVE_ROUTING_CIDR, meshOf, INFRA as settings } from "@k8s-ops/infrastructure";
import { metricsServer } from "@k8s-ops/metrics-server";
import { networkPolicies } from "@k8s-ops/network-policies";
import { reloader } from "@k8s-ops/reloader";
import { spegel } from "@k8s-ops/spegel";
import { systemUpgradeController, TALOS_SERVED_KINDS } from "@k8s-ops/system-upgrade-controller";
import { INFRA_INVENTORY, talosFiles } from "@k8s-ops/talos";

/** The infra cluster: platform services, storage and the observability hub. */
const domain = "${SECRET_DOMAIN}";
const secrets = externalSecrets({ vault: "k8s-infra" });
const store = secrets.secretStore;
const certs = certManager({ store, email: `admin@${domain}`, dnsZones: [domain] });
const gateways = envoyGateway({
  settings,
  addresses: { external: "10.25.11.70", internal: "10.25.11.71" },
  issuer: certs.issuers.production,
  domain,
});

const components = [
  cilium({ settings, nativeRoutingCidr: MESH_NATIVE_ROUTING_CIDR, clusterMesh: meshOf("infra", store) }),
  coredns({ settings }),
  spegel(),
  networkPolicies(),
  secrets,
  certs,
  gateways,
  externalDns({ txtOwnerId: "infra", domainFilters: [domain], store, gateway: gateways.gateways.external }),
  cloudflared({ domain, gateway: gateways.services.external, store }),
  metricsServer(),
  reloader(),
  systemUpgradeController({ settings }),
  flux({ url: GIT_REPOSITORY, path: "clusters/infra/flux" }),
];

export const cluster = defineCluster({
  settings,
  components,
  files: [...talosFiles(settings, INFRA_INVENTORY), ...bootstrapFiles(components)],
  served: TALOS_SERVED_KINDS,
});
