import { actionsRunnerController } from "@k8s-ops/actions-runner-controller";
import { n8n } from "@k8s-ops/app-n8n";
import { odoo } from "@k8s-ops/app-odoo";
import { bootstrapFiles } from "@k8s-ops/bootstrap";
import { defineCluster } from "@k8s-ops/core";
import { fluentBit, talosLogDestinations } from "@k8s-ops/fluent-bit";
import { appNamespaces, flux } from "@k8s-ops/flux";
import { gatus } from "@k8s-ops/gatus";
import { gitlab, gitlabRunner } from "@k8s-ops/gitlab";
import {
  DOMAIN as domain,
  GIT_REPOSITORY,
  platform,
  postgresBackup,
  WORLD_HTTPS,
} from "@k8s-ops/infrastructure";
import { rookCephExternal } from "@k8s-ops/rook-ceph";
import { TALOS_SERVED_KINDS } from "@k8s-ops/system-upgrade-controller";
import { APPS_INVENTORY, talosFiles } from "@k8s-ops/talos";
import { logsInsert } from "@k8s-ops/victoria-logs";
import { victoriaMetricsOperator, vmAgent } from "@k8s-ops/victoria-metrics";
import { ceph, hub, logsHub } from "cluster-infra";

/** The apps cluster: business and tenant workloads. */
const base = platform({
  cluster: "apps",
  gatewayAddresses: { external: "10.25.11.102", internal: "10.25.11.103" },
  egress: {
    odoo: ["world"],
    n8n: ["world"],
    gitlab: ["world"],
    "gitlab-runner": ["cluster", "world"],
    "gitlab-runner-jobs": ["world"],
    "actions-runner-system": ["world"],
    observability: [WORLD_HTTPS],
  },
});
const { settings, store, gateways } = base;
const rook = rookCephExternal({ source: ceph, store, snapshotApi: base.snapshots.snapshotApi });
const storageClass = rook.storageClasses.block;
const databaseBackup = postgresBackup("apps", store, ceph);
/** What the business apps take from the platform. */
const business = {
  gateway: gateways.gateways.external,
  store,
  storageClass,
  snapshotClass: rook.snapshotClasses.block,
  databaseBackup,
};
const git = gitlab({
  store,
  gateway: gateways.gateways.internal,
  hostname: `gitlab.${domain}`,
  registryHostname: `gitlab-registry.${domain}`,
  storageClass,
  objectStorage: { endpoint: ceph.objectStore.endpoint },
  databaseBackup,
});

/** Everything Flux reconciles on this cluster besides Flux itself. */
const reconciled = [
  ...base.network,
  ...base.ingress,
  ...base.operations,
  rook,
  victoriaMetricsOperator(),
  vmAgent({ settings, hub, store }),
  fluentBit({ settings, logsHub: logsInsert(logsHub, settings) }),
  ...base.databases,
  gatus({ settings, gateway: gateways.gateways.external }),
  odoo(business),
  n8n(business),
  git,
  gitlabRunner({ store, gitlab: git.server }),
  actionsRunnerController({ store, githubConfigUrl: GIT_REPOSITORY }),
];
const components = [
  ...reconciled,
  flux({
    url: GIT_REPOSITORY,
    path: "clusters/apps/flux",
    notifications: { ...base.gitops.notifications, namespaces: appNamespaces(reconciled) },
    receiver: base.gitops.receiver,
  }),
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
