import { authentik } from "@k8s-ops/authentik";
import { bootstrapFiles } from "@k8s-ops/bootstrap";
import { defineCluster } from "@k8s-ops/core";
import { fluentBit, talosLogDestinations } from "@k8s-ops/fluent-bit";
import { flux } from "@k8s-ops/flux";
import { gatus } from "@k8s-ops/gatus";
import { grafana } from "@k8s-ops/grafana";
import { harbor } from "@k8s-ops/harbor";
import {
  DOMAIN as domain,
  GIT_REPOSITORY,
  INFRA_ROOK,
  INFRA_S3_HOSTNAME,
  platform,
} from "@k8s-ops/infrastructure";
import { kromgo } from "@k8s-ops/kromgo";
import { mattermost } from "@k8s-ops/mattermost";
import { openBao } from "@k8s-ops/openbao";
import { rookCeph } from "@k8s-ops/rook-ceph";
import { strimzi } from "@k8s-ops/strimzi";
import { TALOS_SERVED_KINDS } from "@k8s-ops/system-upgrade-controller";
import { INFRA_INVENTORY, talosFiles } from "@k8s-ops/talos";
import { logsInsert, victoriaLogs } from "@k8s-ops/victoria-logs";
import { queryUrl, victoriaMetricsHub, victoriaMetricsOperator, vmAgent } from "@k8s-ops/victoria-metrics";

/** The infra cluster: platform services, storage and the observability hub. */
const base = platform({
  cluster: "infra",
  gatewayAddresses: { external: "10.25.11.70", internal: "10.25.11.71" },
  egress: { strimzi: ["cluster"], mattermost: ["cluster", "world"] },
});
const { settings, store, gateways } = base;
const rook = rookCeph({
  ...INFRA_ROOK,
  dashboard: { gateway: gateways.gateways.internal, hostname: `ceph.${domain}` },
  s3: { gateway: gateways.gateways.internal, hostname: INFRA_S3_HOSTNAME },
  snapshotApi: base.snapshots.snapshotApi,
});
const storageClass = rook.storageClasses.block;
const metrics = victoriaMetricsHub({
  settings,
  storageClass,
  address: "10.25.11.72",
  store,
  alerting: {
    receivers: [
      { name: "pushover", type: "pushover", userKeyField: "PUSHOVER_USER_KEY", tokenField: "PUSHOVER_TOKEN" },
    ],
  },
});
const logs = victoriaLogs({ settings, storageClass, address: "10.25.11.73" });

/** What infra exports to the clusters that ship their metrics and logs here. */
export const hub = metrics.hub;
export const logsHub = logs.hub;

const components = [
  ...base.network,
  ...base.ingress,
  ...base.operations,
  rook,
  victoriaMetricsOperator(),
  metrics,
  vmAgent({ settings, hub }),
  logs,
  fluentBit({ settings, logsHub: logsInsert(logsHub, settings) }),
  ...base.databases,
  strimzi(),
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
    storageClass,
    s3: { endpoint: `http://${rook.services.rgw.host}:${rook.services.rgw.port}`, bucket: "harbor" },
  }),
  mattermost({
    store,
    gateway: gateways.gateways.internal,
    hostname: `chat.${domain}`,
    storageClass,
    s3: { endpoint: `http://${rook.services.rgw.host}:${rook.services.rgw.port}`, bucket: "mattermost" },
  }),
  openBao({
    storageClass,
    store,
    seal: { type: "static", keyId: "2026-11" },
    gateway: gateways.gateways.internal,
    hostname: `bao.${domain}`,
  }),
  authentik({ store, gateway: gateways.gateways.internal, hostname: `auth.${domain}`, storageClass }),
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
