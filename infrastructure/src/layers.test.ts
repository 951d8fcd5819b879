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
