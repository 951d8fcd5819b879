import { describe, expect, it } from "vitest";
import { APPS, INFRA, platform } from "./index.js";

const ADDRESSES = { external: "10.25.11.70", internal: "10.25.11.71" };
const layerNames = (base: ReturnType<typeof platform>) =>
  [base.network, base.ingress, base.operations, base.databases].map((layer) => layer.map((c) => c.name));

describe("platform", () => {
  it("gives both clusters the same layers, each built for its own cluster", () => {
    // GIVEN the shared layers of each cluster
    const infra = platform({ cluster: "infra", gatewayAddresses: ADDRESSES });
    const apps = platform({
      cluster: "apps",
      gatewayAddresses: { external: "10.25.11.102", internal: "10.25.11.103" },
    });
    // THEN the same components in the same layers
    expect(layerNames(infra)).toEqual([
      ["cilium", "coredns", "spegel", "network-policies"],
      ["external-secrets", "cert-manager", "envoy-gateway", "external-dns", "cloudflared"],
      [
        "metrics-server",
        "reloader",
        "system-upgrade-controller",
        "openebs",
        "snapshot-controller",
        "volsync",
      ],
      ["cloudnative-pg", "dragonfly-operator"],
    ]);
    expect(layerNames(apps)).toEqual(layerNames(infra));
    // AND each on its own settings and 1Password vault
    expect([infra.settings, apps.settings]).toEqual([INFRA, APPS]);
    const vault = (base: ReturnType<typeof platform>) =>
      JSON.stringify(base.ingress[0]?.apps.map((app) => app.objects.map((o) => o.toJSON())));
    expect(vault(infra)).toContain('"vaults":{"k8s-infra":1}');
    expect(vault(apps)).toContain('"vaults":{"k8s-apps":1}');
  });

  it("adds a cluster's egress to the baseline and the database operators'", () => {
    // GIVEN a namespace that needs the cluster  WHEN the layers are built
    const base = platform({
      cluster: "infra",
      gatewayAddresses: ADDRESSES,
      egress: { strimzi: ["cluster"] },
    });
    const namespaceWide = base.network[3]?.namespaceComponents?.flatMap((c) => c.objects) ?? [];
    const policies = JSON.stringify(namespaceWide.map((o) => o.toJSON()));
    // THEN the namespace's policy is there beside the operators'
    for (const namespace of ["strimzi", "cnpg-system", "dragonfly-system"])
      expect(policies).toContain(namespace);
  });
});

/** The objects of one kind the platform's components render, as their YAML shows them. */
function rendered(base: ReturnType<typeof platform>, kind: string): Record<string, unknown>[] {
  return [...base.network, ...base.ingress, ...base.operations]
    .flatMap((component) => component.apps.flatMap((app) => app.objects))
    .filter((object) => object.kind === kind)
    .map((object) => object.toJSON() as Record<string, unknown>);
}

describe("platform networking and operations", () => {
  const infra = platform({ cluster: "infra", gatewayAddresses: ADDRESSES });
  const apps = platform({
    cluster: "apps",
    gatewayAddresses: { external: "10.25.11.102", internal: "10.25.11.103" },
  });

  it("publishes each cluster's external routes as CNAMEs to its own tunnel's record", () => {
    // GIVEN both clusters' layers
    for (const [base, cluster] of [
      [infra, "infra"],
      [apps, "apps"],
    ] as const) {
      const record = `external-${cluster}.\${SECRET_DOMAIN}`;
      const [external, internal] = rendered(base, "Gateway");
      // THEN envoy-external targets the tunnel's record, envoy-internal keeps its own address
      expect(external?.metadata).toEqual({
        name: "envoy-external",
        annotations: { "external-dns.alpha.kubernetes.io/target": record },
      });
      expect(internal?.metadata).toEqual({ name: "envoy-internal" });
      // AND cloudflared publishes that record as a CNAME to the cluster's tunnel
      expect(rendered(base, "DNSEndpoint")[0]?.spec).toMatchObject({
        endpoints: [
          { dnsName: record, recordType: "CNAME", targets: ["${CLOUDFLARE_TUNNEL_ID}.cfargotunnel.com"] },
        ],
      });
      // AND external-dns reads DNSEndpoints besides the routes, the tunnel id being a secret variable
      const [release] = rendered(base, "HelmRelease").filter(
        (r) => (r.metadata as { name: string }).name === "external-dns",
      );
      expect(release?.spec).toMatchObject({ values: { sources: expect.arrayContaining(["crd"]) } });
      expect(base.settings.secretVariables).toContain("CLOUDFLARE_TUNNEL_ID");
    }
  });

  it("scrapes Talos kubelets without verifying their self-signed serving certificates", () => {
    // GIVEN the infra layers THEN metrics-server runs with --kubelet-insecure-tls
    const [release] = rendered(infra, "HelmRelease").filter(
      (r) => (r.metadata as { name: string }).name === "metrics-server",
    );
    expect(release?.spec).toMatchObject({ values: { args: ["--kubelet-insecure-tls"] } });
  });

  it("upgrades Talos with the Image Factory installer the nodes were installed from", () => {
    // GIVEN the infra layers THEN the Talos Plan installs talosFiles' installer at the cluster's version
    const talos = rendered(infra, "Plan").find((p) => (p.metadata as { name: string }).name === "talos");
    expect(talos?.spec).toMatchObject({
      upgrade: {
        args: expect.arrayContaining([
          "--image=factory.talos.dev/installer/376567988ad370138ad8b2698212367b8edcb69b5fd68c80be1f2ec7d603b4ba:v1.13.9",
        ]),
      },
    });
  });

  it("gives Flux commit statuses and a Receiver routed on the external gateway, tokens from the vault", () => {
    // GIVEN the infra layers' Flux add-ons
    const { notifications, receiver } = infra.gitops;
    const service = {
      type: "Service" as const,
      name: "webhook-receiver",
      namespace: "flux-system",
      port: 80,
      host: "webhook-receiver.flux-system.svc.cluster.local",
      provider: { name: "flux-instance", namespace: "flux-system" },
    };
    const route = receiver.route(service);
    // THEN statuses go to the repository, both tokens come from the `flux` item, the route uses envoy-external
    expect(notifications).toMatchObject({ type: "github", address: "https://github.com/k8s-ops/k8s-ops" });
    expect(notifications.secret.object.toJSON()).toMatchObject({
      spec: { dataFrom: [{ extract: { key: "flux" } }], target: { name: "github-status-secret" } },
    });
    expect(receiver.secret.object.toJSON()).toMatchObject({
      spec: { target: { template: { data: { token: "{{ .FLUX_GITHUB_WEBHOOK_TOKEN }}" } } } },
    });
    expect(route.route.toJSON()).toMatchObject({
      spec: {
        hostnames: ["flux-webhook-infra.${SECRET_DOMAIN}"],
        parentRefs: [{ name: "envoy-external", namespace: "network", sectionName: "https" }],
        rules: [{ backendRefs: [{ name: "webhook-receiver", port: 80 }] }],
      },
    });
    expect(route.uses).toEqual([infra.gateways.gateways.external]);
  });
});
