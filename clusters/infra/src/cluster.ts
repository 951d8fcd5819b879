import { authentik } from "@k8s-ops/authentik";
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
import { grafana } from "@k8s-ops/grafana";
import { harbor } from "@k8s-ops/harbor";
import {
  GIT_REPOSITORY,
  INFRA_ROOK,
  INFRA_S3_HOSTNAME,
  MESH_NATIVE_ROUTING_CIDR,
  meshOf,
  INFRA as settings,
} from "@k8s-ops/infrastructure";
import { kromgo } from "@k8s-ops/kromgo";
import { mattermost } from "@k8s-ops/mattermost";
import { metricsServer } from "@k8s-ops/metrics-server";
import { DEFAULT_EGRESS, networkPolicies } from "@k8s-ops/network-policies";
import { openBao } from "@k8s-ops/openbao";
import { openebs } from "@k8s-ops/openebs";
import { reloader } from "@k8s-ops/reloader";
import { rookCeph } from "@k8s-ops/rook-ceph";
import { snapshotController } from "@k8s-ops/snapshot-controller";
import { spegel } from "@k8s-ops/spegel";
import { strimzi } from "@k8s-ops/strimzi";
import { systemUpgradeController, TALOS_SERVED_KINDS } from "@k8s-ops/system-upgrade-controller";
import { INFRA_INVENTORY, OPENEBS_HOSTPATH, talosFiles } from "@k8s-ops/talos";
import { logsInsert, victoriaLogs } from "@k8s-ops/victoria-logs";
import { queryUrl, victoriaMetricsHub, victoriaMetricsOperator, vmAgent } from "@k8s-ops/victoria-metrics";
import { volsync } from "@k8s-ops/volsync";

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
const snapshots = snapshotController();
const rook = rookCeph({
  ...INFRA_ROOK,
  dashboard: { gateway: gateways.gateways.internal, hostname: `ceph.${domain}` },
  s3: { gateway: gateways.gateways.internal, hostname: INFRA_S3_HOSTNAME },
  snapshotApi: snapshots.snapshotApi,
});
const metrics = victoriaMetricsHub({
  settings,
  storageClass: rook.storageClasses.block,
  address: "10.25.11.72",
  store,
  alerting: {
    receivers: [
      { name: "pushover", type: "pushover", userKeyField: "PUSHOVER_USER_KEY", tokenField: "PUSHOVER_TOKEN" },
    ],
  },
});
const logs = victoriaLogs({ settings, storageClass: rook.storageClasses.block, address: "10.25.11.73" });

/** What infra exports to the clusters that ship their metrics and logs here. */
export const hub = metrics.hub;
export const logsHub = logs.hub;

const components = [
  cilium({ settings, nativeRoutingCidr: MESH_NATIVE_ROUTING_CIDR, clusterMesh: meshOf("infra", store) }),
  coredns({ settings }),
  spegel(),
  networkPolicies({
    egress: {
      ...DEFAULT_EGRESS,
      "cnpg-system": ["cluster"],
      "dragonfly-system": ["cluster"],
      strimzi: ["cluster"],
      mattermost: ["cluster", "world"],
    },
  }),
  secrets,
  certs,
  gateways,
  externalDns({ txtOwnerId: "infra", domainFilters: [domain], store, gateway: gateways.gateways.external }),
  cloudflared({ domain, gateway: gateways.services.external, store }),
  metricsServer(),
  reloader(),
  systemUpgradeController({ settings }),
  openebs({ basePath: OPENEBS_HOSTPATH }),
  snapshots,
  rook,
  volsync({ snapshots: snapshots.snapshotApi }),
  victoriaMetricsOperator(),
  metrics,
  vmAgent({ settings, hub }),
  logs,
  cloudnativePg({ certManager: certs }),
  dragonflyOperator(),
  strimzi(),
  fluentBit({ settings, logsHub: logsInsert(logsHub, settings) }),
  grafana({
    gateway: gateways.gateways.internal,
    metrics: { url: queryUrl(hub, settings, "multitenant") },
    logs: { url: logsHub.inClusterUrl, headers: { AccountID: String(settings.id), ProjectID: "0" } },
    sso: { issuerUrl: `https://sso.${domain}/realms/platform`, store },
  }),
  kromgo({ metrics: { url: queryUrl(hub, settings) }, gateway: gateways.gateways.external }),
  gatus({ gateway: gateways.gateways.external }),
  harbor({
    store,
    gateway: gateways.gateways.internal,
    hostname: `registry.${domain}`,
    storageClass: rook.storageClasses.block,
    s3: { endpoint: `http://${rook.services.rgw.host}:${rook.services.rgw.port}`, bucket: "harbor" },
  }),
  mattermost({
    store,
    gateway: gateways.gateways.internal,
    hostname: `chat.${domain}`,
    storageClass: rook.storageClasses.block,
    s3: { endpoint: `http://${rook.services.rgw.host}:${rook.services.rgw.port}`, bucket: "mattermost" },
  }),
  openBao({
    storageClass: rook.storageClasses.block,
    store,
    seal: { type: "static", keyId: "2026-11" },
    gateway: gateways.gateways.internal,
    hostname: `bao.${domain}`,
  }),
  authentik({
    store,
    gateway: gateways.gateways.internal,
    hostname: `auth.${domain}`,
    storageClass: rook.storageClasses.block,
  }),
  flux({ url: GIT_REPOSITORY, path: "clusters/infra/flux" }),
];

export const cluster = defineCluster({
  settings,
  components,
  files: [
    ...talosFiles(settings, { ...INFRA_INVENTORY, logForwarding: talosLogDestinations() }),
    ...bootstrapFiles(components),
  ],
  served: TALOS_SERVED_KINDS,
});
