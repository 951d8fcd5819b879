import { authentik } from "@k8s-ops/authentik";
import { bootstrapFiles } from "@k8s-ops/bootstrap";
import { defineCluster } from "@k8s-ops/core";
import { fluentBit, talosLogDestinations } from "@k8s-ops/fluent-bit";
import { appNamespaces, flux } from "@k8s-ops/flux";
import { gatus } from "@k8s-ops/gatus";
import { authentikProvider, grafana } from "@k8s-ops/grafana";
import { harbor } from "@k8s-ops/harbor";
import {
  CLUSTERS,
  DOMAIN as domain,
  GIT_REPOSITORY,
  INFRA_HUB,
  INFRA_ROOK,
  INFRA_S3_HOSTNAME,
  platform,
  postgresBackup,
  RGW_EGRESS,
  WORLD_HTTPS,
} from "@k8s-ops/infrastructure";
import { kromgo } from "@k8s-ops/kromgo";
import { mattermost } from "@k8s-ops/mattermost";
import { openBao } from "@k8s-ops/openbao";
import { rookCeph } from "@k8s-ops/rook-ceph";
import { kafka, strimzi } from "@k8s-ops/strimzi";
import { TALOS_SERVED_KINDS } from "@k8s-ops/system-upgrade-controller";
import { INFRA_INVENTORY, talosFiles } from "@k8s-ops/talos";
import { logsInsert, victoriaLogs } from "@k8s-ops/victoria-logs";
import { queryUrl, victoriaMetricsHub, victoriaMetricsOperator, vmAgent } from "@k8s-ops/victoria-metrics";

/** The infra cluster: platform services, storage and the observability hub. */
const base = platform({
  cluster: "infra",
  gatewayAddresses: { external: "10.25.11.70", internal: "10.25.11.71" },
  egress: {
    strimzi: ["cluster"],
    mattermost: ["cluster", "world"],
    harbor: [WORLD_HTTPS, RGW_EGRESS],
    observability: [WORLD_HTTPS],
  },
});
const { settings, store, gateways } = base;
const rook = rookCeph({
  ...INFRA_ROOK,
  dashboard: { gateway: gateways.gateways.internal, hostname: `ceph.${domain}` },
  s3: { gateway: gateways.gateways.internal, hostname: INFRA_S3_HOSTNAME },
  snapshotApi: base.snapshots.snapshotApi,
});
/** What infra exports to the clusters that consume its Ceph: pools, filesystem, mons and the S3 endpoint. */
export const ceph = rook.external;
const storageClass = rook.storageClasses.block;
const databaseBackup = postgresBackup("infra", store, ceph);
/** The platform's Kafka (KRaft): three controllers and three brokers on Ceph, SCRAM over TLS, ACLs enforced. */
const events = kafka({
  name: "platform",
  namespace: "kafka",
  version: "4.3.1",
  nodePools: [
    { name: "controllers", roles: ["controller"], replicas: 3, storage: { storageClass, size: "5Gi" } },
    { name: "brokers", roles: ["broker"], replicas: 3, storage: { storageClass, size: "20Gi" } },
  ],
  listeners: [{ name: "tls", port: 9093, type: "internal", tls: true, authentication: "scram-sha-512" }],
  authorization: true,
  topics: [{ name: "platform-events", partitions: 6 }],
  users: [
    {
      name: "platform-events-app",
      acls: [
        { resource: { type: "topic", name: "platform-events" }, operations: ["Describe", "Read", "Write"] },
        { resource: { type: "group", name: "platform-events", patternType: "prefix" }, operations: ["Read"] },
      ],
    },
  ],
});
/** Where clients reach the platform's Kafka: its bootstrap service, by listener. */
export const kafkaBootstrap = events.bootstrap;
const metrics = victoriaMetricsHub({
  settings,
  storageClass,
  ...INFRA_HUB.metrics,
  store,
  spokes: Object.values(CLUSTERS).filter((cluster) => cluster.name !== settings.name),
  alerting: {
    receivers: [
      { name: "pushover", type: "pushover", userKeyField: "PUSHOVER_USER_KEY", tokenField: "PUSHOVER_TOKEN" },
    ],
  },
});
const logs = victoriaLogs({ settings, storageClass, ...INFRA_HUB.logs });

/** What infra exports to the clusters that ship their metrics and logs here. */
export const hub = metrics.hub;
export const logsHub = logs.hub;

/** The platform's identity provider; Grafana signs in through it. */
const identity = authentik({
  store,
  gateway: gateways.gateways.internal,
  hostname: `auth.${domain}`,
  storageClass,
  databaseBackup,
});

/** Everything Flux reconciles on this cluster besides Flux itself. */
const reconciled = [
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
  events,
  grafana({
    gateway: gateways.gateways.internal,
    metrics: { url: queryUrl(hub, settings, "multitenant") },
    logs: { url: logsHub.inClusterUrl },
    tenants: Object.values(CLUSTERS),
    sso: { provider: authentikProvider(identity, "grafana"), store },
  }),
  kromgo({ metrics: { url: queryUrl(hub, settings) }, gateway: gateways.gateways.external }),
  gatus({ settings, gateway: gateways.gateways.external }),
  harbor({
    store,
    gateway: gateways.gateways.internal,
    hostname: `registry.${domain}`,
    storageClass,
    s3: { endpoint: `http://${rook.services.rgw.host}:${rook.services.rgw.port}`, bucket: "harbor" },
    databaseBackup,
  }),
  mattermost({
    store,
    gateway: gateways.gateways.internal,
    hostname: `chat.${domain}`,
    storageClass,
    s3: { endpoint: `http://${rook.services.rgw.host}:${rook.services.rgw.port}`, bucket: "mattermost" },
    databaseBackup,
  }),
  openBao({
    storageClass,
    store,
    seal: { type: "static", keyId: "2026-11" },
    gateway: gateways.gateways.internal,
    hostname: `bao.${domain}`,
  }),
  identity,
];
const components = [
  ...reconciled,
  flux({
    url: GIT_REPOSITORY,
    path: "clusters/infra/flux",
    notifications: { ...base.gitops.notifications, namespaces: appNamespaces(reconciled) },
    receiver: base.gitops.receiver,
  }),
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
