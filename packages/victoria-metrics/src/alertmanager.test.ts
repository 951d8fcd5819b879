import { appOf, objectsOf } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { type AlertingOptions, victoriaMetricsHub } from "./index.js";
import { hubBase } from "./test-support.js";

const stage = (alerting: AlertingOptions = {}) =>
  appOf(victoriaMetricsHub({ ...hubBase, alerting }), "vmalertmanager");
const config = (alerting: AlertingOptions = {}) =>
  objectsOf(stage(alerting), "VMAlertmanagerConfig")[0]?.spec as {
    receivers: Record<string, unknown>[];
    route: Record<string, unknown> & { routes: unknown[] };
  };
const pushover = {
  name: "pushover",
  type: "pushover",
  userKeyField: "USER_KEY",
  tokenField: "TOKEN",
} as const;

describe("VMAlertmanager", () => {
  it("routes on every alert, keeps silences on a volume, and reads the hub's routing", () => {
    expect(objectsOf(stage(), "VMAlertmanager")[0]?.spec).toEqual({
      disableNamespaceMatcher: true,
      replicaCount: 1,
      selectAllByDefault: true,
      storage: {
        volumeClaimTemplate: {
          spec: {
            accessModes: ["ReadWriteOnce"],
            resources: { requests: { storage: "1Gi" } },
            storageClassName: "ceph-block",
          },
        },
      },
    });
  });

  it("without receivers: everything goes to null, no secret is read", () => {
    // GIVEN no alerting options WHEN built THEN a null receiver, a Watchdog route, no ExternalSecret
    expect(config()).toEqual({
      inhibit_rules: [
        {
          equal: ["alertname", "cluster", "namespace"],
          source_matchers: ['severity="critical"'],
          target_matchers: ['severity="warning"'],
        },
      ],
      receivers: [{ name: "null" }],
      route: {
        group_by: ["alertname", "cluster", "namespace"],
        group_interval: "5m",
        group_wait: "30s",
        receiver: "null",
        repeat_interval: "12h",
        routes: [{ matchers: ['alertname="Watchdog"'], receiver: "null" }],
      },
    });
    expect(objectsOf(stage(), "ExternalSecret")).toEqual([]);
    expect(stage().uses.map((ref) => ref.type)).toEqual(["StorageClass"]);
  });
});

describe("alerting options", () => {
  it("receivers: each type reads its credentials from the Secret the ExternalSecret writes", () => {
    // GIVEN one receiver of each type
    const alerting: AlertingOptions = {
      receivers: [
        pushover,
        { name: "discord", type: "discord", webhookUrlField: "DISCORD_URL", sendResolved: false },
        { name: "hook", type: "webhook", urlField: "HOOK_URL" },
      ],
    };
    // WHEN built THEN the receivers reference the keys and the ExternalSecret templates them from the fields
    const secret = "alertmanager-receivers-secret";
    expect(config(alerting).receivers).toEqual([
      { name: "null" },
      {
        name: "pushover",
        pushover_configs: [
          {
            send_resolved: true,
            token: { key: "pushover-token", name: secret },
            user_key: { key: "pushover-user-key", name: secret },
          },
        ],
      },
      {
        name: "discord",
        discord_configs: [
          { send_resolved: false, webhook_url_secret: { key: "discord-webhook-url", name: secret } },
        ],
      },
      {
        name: "hook",
        webhook_configs: [{ send_resolved: true, url_secret: { key: "hook-url", name: secret } }],
      },
    ]);
    expect(objectsOf(stage(alerting), "ExternalSecret")[0]?.spec).toEqual({
      dataFrom: [{ extract: { key: "alertmanager" } }],
      secretStoreRef: { kind: "ClusterSecretStore", name: "onepassword-connect" },
      target: {
        name: secret,
        template: {
          engineVersion: "v2",
          data: {
            "discord-webhook-url": "{{ .DISCORD_URL }}",
            "hook-url": "{{ .HOOK_URL }}",
            "pushover-token": "{{ .TOKEN }}",
            "pushover-user-key": "{{ .USER_KEY }}",
          },
        },
      },
    });
  });

  it("receiver: the default receiver (the first receiver unless given)", () => {
    const hook = { name: "hook", type: "webhook", urlField: "URL" } as const;
    expect(config({ receivers: [pushover, hook] }).route.receiver).toBe("pushover");
    expect(config({ receivers: [pushover, hook], receiver: "hook" }).route.receiver).toBe("hook");
  });

  it("routes: come after the Watchdog route, in order", () => {
    const routes = config({
      receivers: [pushover],
      receiver: "null",
      routes: [
        { matchers: ['severity="critical"'], receiver: "pushover", continue: true },
        { matchers: ['namespace=~"tenant-.*"'], receiver: "null" },
      ],
    }).route.routes;
    expect(routes).toEqual([
      { matchers: ['alertname="Watchdog"'], receiver: "null" },
      { matchers: ['severity="critical"'], receiver: "pushover", continue: true },
      { matchers: ['namespace=~"tenant-.*"'], receiver: "null" },
    ]);
  });

  it("groupBy and repeatInterval: shape notifications", () => {
    expect(config({ groupBy: ["alertname"], repeatInterval: "4h" }).route).toMatchObject({
      group_by: ["alertname"],
      repeat_interval: "4h",
    });
  });

  it("item: the 1Password item the credentials come from", () => {
    expect(
      objectsOf(stage({ receivers: [pushover], item: "pushover" }), "ExternalSecret")[0]?.spec,
    ).toMatchObject({
      dataFrom: [{ extract: { key: "pushover" } }],
    });
  });

  it("replicas: scales Alertmanager", () => {
    expect(objectsOf(stage({ replicas: 2 }), "VMAlertmanager")[0]?.spec).toMatchObject({ replicaCount: 2 });
  });
});
