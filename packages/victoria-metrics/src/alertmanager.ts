import { type App, defineApp, reference, type ServiceEndpoint } from "@k8s-ops/core";
import { VMAlertmanager, VMAlertmanagerConfig } from "@k8s-ops/crds/operator.victoriametrics.com/v1beta1";
import { storeSecret } from "@k8s-ops/external-secrets";
import type { AlertReceiver, ResolvedAlertingOptions } from "./alerting-options.js";
import { NULL_RECEIVER } from "./alerting-options.js";
import { operationalHealth } from "./cluster.js";
import type { ResolvedHubOptions } from "./options.js";
import { FOLDER } from "./victoria-metrics.js";

export const ALERTMANAGER_PORT = 9093;

type ReceiverConfig = NonNullable<NonNullable<VMAlertmanagerConfig["spec"]>["receivers"]>[number];

/** The Secret keys each receiver's credentials get, and the item field each is read from. */
export function receiverKeys(receiver: AlertReceiver): Record<string, string> {
  switch (receiver.type) {
    case "pushover":
      return {
        [`${receiver.name}-user-key`]: receiver.userKeyField,
        [`${receiver.name}-token`]: receiver.tokenField,
      };
    case "discord":
      return { [`${receiver.name}-webhook-url`]: receiver.webhookUrlField };
    case "webhook":
      return { [`${receiver.name}-url`]: receiver.urlField };
  }
}

function receiverConfig(receiver: AlertReceiver, secret: string): ReceiverConfig {
  const key = (suffix: string) => ({ name: secret, key: `${receiver.name}-${suffix}` });
  const send_resolved = receiver.sendResolved ?? true;
  switch (receiver.type) {
    case "pushover":
      return {
        name: receiver.name,
        pushover_configs: [{ send_resolved, token: key("token"), user_key: key("user-key") }],
      };
    case "discord":
      return {
        name: receiver.name,
        discord_configs: [{ send_resolved, webhook_url_secret: key("webhook-url") }],
      };
    case "webhook":
      return { name: receiver.name, webhook_configs: [{ send_resolved, url_secret: key("url") }] };
  }
}

/** The routing tree: Watchdog dropped, then the configured routes, the rest to the default receiver. */
function alertmanagerConfig(name: string, a: ResolvedAlertingOptions, secret: string): VMAlertmanagerConfig {
  const routes = [
    { matchers: ['alertname="Watchdog"'], receiver: NULL_RECEIVER },
    ...a.routes.map((route) => ({
      matchers: [...route.matchers],
      receiver: route.receiver,
      ...(route.continue ? { continue: true } : {}),
    })),
  ];
  return new VMAlertmanagerConfig({
    metadata: { name },
    spec: {
      inhibit_rules: [
        {
          equal: ["alertname", "cluster", "namespace"],
          source_matchers: ['severity="critical"'],
          target_matchers: ['severity="warning"'],
        },
      ],
      receivers: [{ name: NULL_RECEIVER }, ...a.receivers.map((r) => receiverConfig(r, secret))],
      route: {
        group_by: [...a.groupBy],
        group_interval: "5m",
        group_wait: "30s",
        receiver: a.receiver,
        repeat_interval: a.repeatInterval,
        routes,
      },
    },
  });
}

function vmAlertmanager(o: ResolvedHubOptions): VMAlertmanager {
  return new VMAlertmanager({
    metadata: { name: o.name },
    spec: {
      // Platform alerts (Watchdog, node alerts) carry no namespace label: route on every alert.
      disableNamespaceMatcher: true,
      replicaCount: o.alerting.replicas,
      selectAllByDefault: true,
      storage: {
        volumeClaimTemplate: {
          spec: {
            accessModes: ["ReadWriteOnce"],
            resources: { requests: { storage: "1Gi" } },
            storageClassName: o.storageClass.name,
          },
        },
      },
    },
  });
}

/**
 * The Alertmanager stage: VMAlertmanager (silences on a volume), its routing as a VMAlertmanagerConfig, and the
 * receivers' credentials from the secret store (only when there are receivers).
 */
export function alertmanagerStage(o: ResolvedHubOptions): { app: App; alertmanager: ServiceEndpoint } {
  const keys = Object.assign({}, ...o.alerting.receivers.map(receiverKeys)) as Record<string, string>;
  const credentials = o.alerting.receivers.length
    ? storeSecret({
        name: "alertmanager-receivers",
        store: o.store,
        item: o.alerting.item,
        template: Object.fromEntries(Object.entries(keys).map(([key, field]) => [key, `{{ .${field} }}`])),
      })
    : undefined;
  const app = defineApp({
    name: "vmalertmanager",
    namespace: o.namespace,
    layer: "platform",
    folder: FOLDER,
    dir: "alertmanager",
    objects: [
      ...(credentials ? [credentials.object] : []),
      vmAlertmanager(o),
      alertmanagerConfig(o.name, o.alerting, credentials?.secretName ?? ""),
    ],
    uses: [o.storageClass, ...(credentials?.uses ?? [])],
    wait: true,
    healthCheckExprs: [operationalHealth("operator.victoriametrics.com/v1beta1", "VMAlertmanager")],
  });
  const service = `vmalertmanager-${o.name}`;
  const ref = reference("Service", app, service, o.namespace);
  const alertmanager: ServiceEndpoint = {
    ...ref,
    provider: { ...ref.provider, cluster: o.settings.name },
    namespace: o.namespace,
    port: ALERTMANAGER_PORT,
    host: `${service}.${o.namespace}.svc.cluster.local`,
  };
  return { app, alertmanager };
}
