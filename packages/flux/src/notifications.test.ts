import { type App, componentYaml, renderComponents, testSettings } from "@k8s-ops/core";
import { appOf } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { ALERT_KINDS, appNamespaces, flux } from "./index.js";
import { deployedSecret, gateways, providers, store, webhookRoute } from "./test-support.js";

const url = "https://github.com/k8s-ops/k8s-ops";
const path = "clusters/infra/flux";
const alertmanager = {
  type: "alertmanager",
  address: "http://vmalertmanager.observability:9093/api/v2/alerts/",
} as const;

function object(app: App, kind: string): Record<string, unknown> & { spec: Record<string, unknown> } {
  const found = app.objects.find((o) => o.kind === kind);
  if (!found) throw new Error(`no ${kind}`);
  return found.toJSON() as Record<string, unknown> & { spec: Record<string, unknown> };
}

describe("flux notifications", () => {
  it("adds a Provider and an Alert in a stage after the instance", () => {
    // GIVEN Alertmanager notifications WHEN rendered
    const gitops = flux({ url, path, notifications: alertmanager });
    const ks = renderComponents([gitops]).files.get("apps/flux-system/flux-operator/ks.yaml") ?? "";
    const stage = parseAllDocuments(ks)
      .map((d) => d.toJS() as { metadata: { name: string }; spec: Record<string, unknown> })
      .find((doc) => doc.metadata.name === "flux-notifications");
    // THEN the stage depends on flux-instance and holds v1beta3 objects that validate
    expect(stage?.spec.dependsOn).toEqual([{ name: "flux-instance", namespace: "flux-system" }]);
    const notifications = appOf(gitops, "flux-notifications");
    expect(notifications.objects.map((o) => `${o.apiVersion} ${o.kind}`)).toEqual([
      "notification.toolkit.fluxcd.io/v1beta3 Provider",
      "notification.toolkit.fluxcd.io/v1beta3 Alert",
    ]);
    expect(() => componentYaml(gitops)).not.toThrow();
  });

  it("sends every event of Flux's kinds, errors only for Alertmanager, tagged with the cluster", () => {
    // GIVEN Alertmanager notifications WHEN built
    const notifications = appOf(flux({ url, path, notifications: alertmanager }), "flux-notifications");
    // THEN the Provider points at Alertmanager and the Alert watches all four kinds in flux-system
    expect(object(notifications, "Provider").spec).toEqual({
      address: alertmanager.address,
      type: "alertmanager",
    });
    expect(object(notifications, "Alert").spec).toEqual({
      eventMetadata: { cluster: "${CLUSTER_NAME}" },
      eventSeverity: "error",
      eventSources: ALERT_KINDS.map((kind) => ({ kind, name: "*", namespace: "flux-system" })),
      providerRef: { name: "alertmanager" },
    });
    expect(ALERT_KINDS).toEqual(["GitRepository", "HelmRelease", "Kustomization", "OCIRepository"]);
  });

  it("type, secret and name: commit statuses on GitHub, from Kustomization events, info included", () => {
    // GIVEN a GitHub commit-status Provider with its token Secret, over two namespaces WHEN built
    const notifications = appOf(
      flux({
        url,
        path,
        notifications: {
          type: "github",
          address: url,
          secret: "github-token",
          name: "commits",
          namespaces: ["flux-system", "network"],
        },
      }),
      "flux-notifications",
    );
    // THEN the Provider reads the Secret, and the Alert sends info events of the Kustomizations only
    expect(object(notifications, "Provider")).toMatchObject({
      metadata: { name: "commits" },
      spec: { address: url, secretRef: { name: "github-token" }, type: "github" },
    });
    expect(object(notifications, "Alert").spec).toMatchObject({
      eventSeverity: "info",
      eventSources: [
        { kind: "Kustomization", name: "*", namespace: "flux-system" },
        { kind: "Kustomization", name: "*", namespace: "network" },
      ],
      providerRef: { name: "commits" },
    });
  });

  it("channel and eventSeverity: post to a channel at the chosen severity", () => {
    // GIVEN a Slack Provider with a channel, reporting info WHEN built
    const notifications = appOf(
      flux({
        url,
        path,
        notifications: { type: "slack", secret: "slack-url", channel: "ops", eventSeverity: "info" },
      }),
      "flux-notifications",
    );
    // THEN both follow
    expect(object(notifications, "Provider").spec).toEqual({
      channel: "ops",
      secretRef: { name: "slack-url" },
      type: "slack",
    });
    expect(object(notifications, "Alert").spec).toMatchObject({ eventSeverity: "info" });
  });

  it("namespaces: watches every namespace with Flux objects", () => {
    // GIVEN the namespaces of the cluster's components WHEN built
    const others = [
      flux({ url, path }),
      { name: "x", apps: [{ ...appOf(flux({ url, path }), "flux-operator"), namespace: "network" }] },
    ];
    const namespaces = appNamespaces(others);
    const notifications = appOf(
      flux({ url, path, notifications: { ...alertmanager, namespaces } }),
      "flux-notifications",
    );
    // THEN the Alert lists each kind in each namespace
    expect(namespaces).toEqual(["flux-system", "network"]);
    expect((object(notifications, "Alert").spec.eventSources as unknown[]).length).toBe(8);
    expect(object(notifications, "Alert").spec.eventSources).toContainEqual({
      kind: "HelmRelease",
      name: "*",
      namespace: "network",
    });
  });
});

describe("flux receiver", () => {
  it("adds a GitHub Receiver for the sync source and exports the webhook Service", () => {
    // GIVEN a Receiver with its token Secret WHEN built
    const gitops = flux({ url, path, receiver: { secret: "github-webhook-token" } });
    // THEN the stage holds only the Receiver, and the webhook Service is a reference provided by flux-instance
    const receiver = object(appOf(gitops, "flux-notifications"), "Receiver");
    expect(receiver).toMatchObject({
      apiVersion: "notification.toolkit.fluxcd.io/v1",
      metadata: { name: "github-webhook" },
    });
    expect(receiver.spec).toEqual({
      events: ["ping", "push"],
      resources: [
        {
          apiVersion: "source.toolkit.fluxcd.io/v1",
          kind: "GitRepository",
          name: "flux-system",
          namespace: "flux-system",
        },
      ],
      secretRef: { name: "github-webhook-token" },
      type: "github",
    });
    expect(gitops.webhookReceiver).toEqual({
      type: "Service",
      name: "webhook-receiver",
      namespace: "flux-system",
      port: 80,
      host: "webhook-receiver.flux-system.svc.cluster.local",
      provider: { name: "flux-instance", namespace: "flux-system" },
    });
  });

  it("route: exposes the webhook Service through the given route, and depends on its gateway", () => {
    // GIVEN a Receiver routed on the external gateway WHEN built and rendered
    const gitops = flux({ url, path, receiver: { secret: "github-webhook-token", route: webhookRoute } });
    const stage = appOf(gitops, "flux-notifications");
    const rendered = renderComponents([...providers, gitops], testSettings());
    // THEN the route sends to webhook-receiver:80, and the stage waits for the gateways stage
    expect(object(stage, "HTTPRoute").spec).toMatchObject({
      rules: [{ backendRefs: [{ name: "webhook-receiver", port: 80 }] }],
    });
    expect(stage.uses).toContainEqual(gateways.external);
    expect(rendered.findings).toEqual([]);
    expect(rendered.files.get("apps/flux-system/flux-operator/ks.yaml")).toContain(
      "    - name: envoy-gateways\n      namespace: network\n",
    );
  });
});

describe("flux notifications with Secrets from a store", () => {
  /** Commit statuses and the Receiver, their tokens from 1Password, the Receiver routed from the Internet. */
  const gitops = flux({
    url,
    path,
    notifications: {
      type: "github",
      address: url,
      secret: deployedSecret("github-status", "FLUX_GITHUB_TOKEN"),
      namespaces: ["flux-system", "network"],
    },
    receiver: { secret: deployedSecret("github-webhook", "FLUX_GITHUB_WEBHOOK_TOKEN"), route: webhookRoute },
  });

  it("deploys the ExternalSecrets with what reads them, and the stage depends on the store", () => {
    // GIVEN the component WHEN built
    const stage = appOf(gitops, "flux-notifications");
    // THEN the stage holds both ExternalSecrets, the Provider and Receiver read their Secrets, and it uses the store
    expect(stage.objects.map((o) => o.kind)).toEqual([
      "ExternalSecret",
      "ExternalSecret",
      "Provider",
      "Alert",
      "Receiver",
      "HTTPRoute",
    ]);
    expect(object(stage, "Provider").spec).toMatchObject({ secretRef: { name: "github-status-secret" } });
    expect(object(stage, "Receiver").spec).toMatchObject({ secretRef: { name: "github-webhook-secret" } });
    expect(stage.uses).toContainEqual(store);
  });

  it("renders the stage as the reviewed snapshot", async () => {
    // GIVEN the component beside the store and the gateways WHEN rendered THEN nothing is missing
    const rendered = renderComponents([...providers, gitops], testSettings());
    expect(rendered.findings).toEqual([]);
    const files = [...rendered.files].filter(([file]) => file.startsWith("apps/flux-system/flux-operator/"));
    const yaml = files
      .filter(([file]) => file.includes("/notifications/") || file.endsWith("/ks.yaml"))
      .map(([file, text]) => `# ---- ${file}\n${text}`)
      .join("\n");
    await expect(yaml).toMatchFileSnapshot("__snapshots__/flux.notifications.yaml");
  });
});
