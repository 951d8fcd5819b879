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
import { GIT_REPOSITORY, MESH_NATIVE_ROUTING_CIDR, meshOf, APPS as settings } from "@k8s-ops/infrastructure";
import { metricsServer } from "@k8s-ops/metrics-server";
import { networkPolicies } from "@k8s-ops/network-policies";
import { reloader } from "@k8s-ops/reloader";
import { spegel } from "@k8s-ops/spegel";
import { systemUpgradeController, TALOS_SERVED_KINDS } from "@k8s-ops/system-upgrade-controller";
import { APPS_INVENTORY, talosFiles } from "@k8s-ops/talos";

/** The apps cluster: business and tenant workloads. */
const domain = "${SECRET_DOMAIN}";
const secrets = externalSecrets({ vault: "k8s-apps" });
const store = secrets.secretStore;
const certs = certManager({ store, email: `admin@${domain}`, dnsZones: [domain] });
const gateways = envoyGateway({
  settings,
  addresses: { external: "10.25.11.102", internal: "10.25.11.103" },
  issuer: certs.issuers.production,
  domain,
});

const components = [
  cilium({ settings, nativeRoutingCidr: MESH_NATIVE_ROUTING_CIDR, clusterMesh: meshOf("apps", store) }),
  coredns({ settings }),
  spegel(),
  networkPolicies(),
  secrets,
  certs,
  gateways,
  externalDns({ txtOwnerId: "apps", domainFilters: [domain], store, gateway: gateways.gateways.external }),
  cloudflared({ domain, gateway: gateways.services.external, store }),
  metricsServer(),
  reloader(),
  systemUpgradeController({ settings }),
  flux({ url: GIT_REPOSITORY, path: "clusters/apps/flux" }),
];

export const cluster = defineCluster({
  settings,
  components,
  files: [...talosFiles(settings, APPS_INVENTORY), ...bootstrapFiles(components)],
  served: TALOS_SERVED_KINDS,
});
