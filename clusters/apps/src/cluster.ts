import { actionsRunnerController } from "@k8s-ops/actions-runner-controller";
import { n8n } from "@k8s-ops/app-n8n";
import { odoo } from "@k8s-ops/app-odoo";
import { bootstrapFiles } from "@k8s-ops/bootstrap";
import { certManager } from "@k8s-ops/cert-manager";
import { cilium } from "@k8s-ops/cilium";
import { cloudflared } from "@k8s-ops/cloudflared";
import { cloudnativePg } from "@k8s-ops/cloudnative-pg";
import { defineCluster } from "@k8s-ops/core";
import { coredns } from "@k8s-ops/coredns";
import { dragonflyOperator } from "@k8s-ops/dragonfly";
import { envoyGateway } from "@k8s-ops/envoy-gateway";
import { externalDns } from "@k8s-ops/external-dns";
import { externalSecrets } from "@k8s-ops/external-secrets";
import { fluentBit, talosLogDestinations } from "@k8s-ops/fluent-bit";
import { flux } from "@k8s-ops/flux";
import { gatus } from "@k8s-ops/gatus";
import { gitlab, gitlabRunner } from "@k8s-ops/gitlab";
import {
  GIT_REPOSITORY,
  INFRA_CEPH,
  MESH_NATIVE_ROUTING_CIDR,
  meshOf,
  APPS as settings,
} from "@k8s-ops/infrastructure";
import { metricsServer } from "@k8s-ops/metrics-server";
import { DEFAULT_EGRESS, networkPolicies } from "@k8s-ops/network-policies";
import { openebs } from "@k8s-ops/openebs";
import { reloader } from "@k8s-ops/reloader";
import { rookCephExternal } from "@k8s-ops/rook-ceph";
import { snapshotController } from "@k8s-ops/snapshot-controller";
import { spegel } from "@k8s-ops/spegel";
import { systemUpgradeController, TALOS_SERVED_KINDS } from "@k8s-ops/system-upgrade-controller";
import { APPS_INVENTORY, OPENEBS_HOSTPATH, talosFiles } from "@k8s-ops/talos";
import { logsInsert } from "@k8s-ops/victoria-logs";
import { victoriaMetricsOperator, vmAgent } from "@k8s-ops/victoria-metrics";
import { volsync } from "@k8s-ops/volsync";
import { hub, logsHub } from "cluster-infra";

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
const snapshots = snapshotController();
const rook = rookCephExternal({ source: INFRA_CEPH, store, snapshotApi: snapshots.snapshotApi });
const git = gitlab({
  store,
  gateway: gateways.gateways.internal,
  hostname: `gitlab.${domain}`,
  registryHostname: `gitlab-registry.${domain}`,
  storageClass: rook.storageClasses.block,
  objectStorage: { endpoint: INFRA_CEPH.objectStore.endpoint },
});
/** What the business apps take from the platform. */
const business = {
  gateway: gateways.gateways.external,
  store,
  storageClass: rook.storageClasses.block,
  snapshotClass: rook.snapshotClasses.block,
};

const components = [
  cilium({ settings, nativeRoutingCidr: MESH_NATIVE_ROUTING_CIDR, clusterMesh: meshOf("apps", store) }),
  coredns({ settings }),
  spegel(),
  networkPolicies({
    egress: {
      ...DEFAULT_EGRESS,
      "cnpg-system": ["cluster"],
      "dragonfly-system": ["cluster"],
      odoo: ["world"],
      n8n: ["world"],
      gitlab: ["world"],
      "gitlab-runner": ["cluster", "world"],
      "gitlab-runner-jobs": ["world"],
    },
  }),
  secrets,
  certs,
  gateways,
  externalDns({ txtOwnerId: "apps", domainFilters: [domain], store, gateway: gateways.gateways.external }),
  cloudflared({ domain, gateway: gateways.services.external, store }),
  metricsServer(),
  reloader(),
  systemUpgradeController({ settings }),
  openebs({ basePath: OPENEBS_HOSTPATH }),
  snapshots,
  rook,
  volsync({ snapshots: snapshots.snapshotApi }),
  victoriaMetricsOperator(),
  vmAgent({ settings, hub }),
  cloudnativePg({ certManager: certs }),
  dragonflyOperator(),
  fluentBit({ settings, logsHub: logsInsert(logsHub, settings) }),
  gatus({ gateway: gateways.gateways.external }),
  odoo(business),
  n8n(business),
  git,
  gitlabRunner({ store, gitlab: git.server }),
  actionsRunnerController({ store, githubConfigUrl: GIT_REPOSITORY }),
  flux({ url: GIT_REPOSITORY, path: "clusters/apps/flux" }),
];

export const cluster = defineCluster({
  settings,
  components,
  files: [
    ...talosFiles(settings, { ...APPS_INVENTORY, logForwarding: talosLogDestinations() }),
    ...bootstrapFiles(components),
  ],
  served: TALOS_SERVED_KINDS,
});
