import { fileURLToPath } from "node:url";
import { componentYaml, renderComponents, testSettings } from "@k8s-ops/core";
import { externalSecrets } from "@k8s-ops/external-secrets";
import { helmValues, readmeShows, readmeYaml } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { type CloudflaredOptions, cloudflared } from "./index.js";
import { base, envoyExternal, externalDns, gateways, secrets, theApp } from "./test-support.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));
const settings = testSettings({ secretVariables: ["SECRET_DOMAIN", "CLOUDFLARE_TUNNEL_ID"] });

function values(options: Partial<CloudflaredOptions> = {}) {
  return helmValues(theApp(options)) as {
    configMaps: { config: { data: { "config.yaml": string } } };
    controllers: { cloudflared: { replicas: number; containers: { app: Record<string, unknown> } } };
    defaultPodOptions: { securityContext: Record<string, unknown> };
  };
}

/** The spec of the app's DNSEndpoint. */
function record(options: Partial<CloudflaredOptions> = {}): Record<string, unknown> | undefined {
  const endpoint = theApp(options).objects.find((o) => o.kind === "DNSEndpoint");
  return (endpoint?.toJSON() as { spec?: Record<string, unknown> } | undefined)?.spec;
}

function tunnelConfig(options: Partial<CloudflaredOptions> = {}): { ingress: Record<string, unknown>[] } {
  return parse(values(options).configMaps.config.data["config.yaml"]);
}

/** The first ingress rule: the one that carries the domain to the gateway. */
function gatewayRule(options: Partial<CloudflaredOptions> = {}): Record<string, unknown> | undefined {
  return tunnelConfig(options).ingress[0];
}

describe("cloudflared", () => {
  it("renders the README example", async () => {
    // GIVEN the README example: the tunnel for the cluster's domain, to the external gateway
    // README:start
    const secrets = externalSecrets({ vault: "k8s-infra" });
    const tunnel = cloudflared({
      domain: "${SECRET_DOMAIN}",
      gateway: envoyExternal,
      store: secrets.secretStore,
    });
    // README:end
    // WHEN it is rendered with the store and the gateway THEN it validates and matches the reviewed snapshot
    const yaml = componentYaml(tunnel, settings, [secrets, gateways, externalDns]);
    await expect(yaml).toMatchFileSnapshot("__snapshots__/cloudflared.default.yaml");
    // AND the README shows this very example and the start of its YAML
    expect(readmeShows(README, fileURLToPath(import.meta.url))).toBe(true);
    const [start = "", ...excerpts] = readmeYaml(README).split(/^ *# …\n/m);
    expect(yaml.slice(0, start.length)).toBe(start);
    for (const excerpt of excerpts) expect(yaml).toContain(excerpt);
  });

  it("routes every subdomain to the gateway over HTTPS, and nothing else", () => {
    // GIVEN the defaults WHEN built THEN the config sends *.domain to the gateway with its server name, then 404
    expect(tunnelConfig()).toEqual({
      ingress: [
        {
          hostname: "*.example.com",
          originRequest: { originServerName: "external.example.com" },
          service: "https://envoy-external.network.svc.cluster.local:443",
        },
        { service: "http_status:404" },
      ],
    });
  });

  it("runs the pinned image with the mounted config, the token from the store, non-root and read-only", () => {
    // GIVEN the defaults WHEN built
    const v = values();
    const app = v.controllers.cloudflared.containers.app;
    // THEN the container runs `tunnel --config … run` with TUNNEL_TOKEN from the ExternalSecret's Secret
    expect(app.image).toEqual({ repository: "docker.io/cloudflare/cloudflared", tag: "2026.8.2" });
    expect(app.args).toEqual(["tunnel", "--config", "/etc/cloudflared/config.yaml", "run"]);
    expect(app.envFrom).toEqual([{ secretRef: { name: "cloudflared-secret" } }]);
    expect(app.securityContext).toEqual({
      allowPrivilegeEscalation: false,
      capabilities: { drop: ["ALL"] },
      readOnlyRootFilesystem: true,
    });
    expect(v.defaultPodOptions.securityContext).toMatchObject({ runAsNonRoot: true, runAsUser: 65532 });
    expect(helmValues(theApp())).toMatchObject({
      persistence: {
        config: {
          type: "configMap",
          identifier: "config",
          globalMounts: [{ path: "/etc/cloudflared/config.yaml", subPath: "config.yaml", readOnly: true }],
        },
      },
    });
  });

  it("reads the tunnel token with an ExternalSecret and depends on the store and the gateway", () => {
    // GIVEN the defaults WHEN rendered
    const token = theApp()
      .objects.find((o) => o.kind === "ExternalSecret")
      ?.toJSON() as { spec: unknown };
    const ks = renderComponents([secrets, gateways, cloudflared(base)], settings).files.get(
      "apps/network/cloudflared/ks.yaml",
    );
    // THEN the token comes from 1Password and the app waits for the store and the gateway's app
    expect(token.spec).toMatchObject({
      dataFrom: [{ extract: { key: "cloudflare" } }],
      target: {
        name: "cloudflared-secret",
        template: { data: { TUNNEL_TOKEN: "{{ .CLOUDFLARE_TUNNEL_TOKEN }}" } },
      },
    });
    expect(ks).toContain("    - name: onepassword-connect-store\n      namespace: external-secrets\n");
    expect(ks).toContain("    - name: envoy-external\n      namespace: network\n");
  });
});

describe("cloudflared DNS record", () => {
  it("publishes external.<domain> as a proxied CNAME to the tunnel, for external-dns", () => {
    // GIVEN the defaults WHEN built THEN the DNSEndpoint names the tunnel by the cluster's variable
    const endpoint = theApp().objects.find((o) => o.kind === "DNSEndpoint");
    expect(endpoint?.toJSON()).toEqual({
      apiVersion: "externaldns.k8s.io/v1alpha1",
      kind: "DNSEndpoint",
      metadata: { name: "cloudflared" },
      spec: {
        endpoints: [
          {
            dnsName: "external.example.com",
            providerSpecific: [
              { name: "external-dns.alpha.kubernetes.io/cloudflare-proxied", value: "true" },
            ],
            recordType: "CNAME",
            targets: ["${CLOUDFLARE_TUNNEL_ID}.cfargotunnel.com"],
          },
        ],
      },
    });
  });

  it("depends on the app serving DNSEndpoint, and needs the tunnel id among the cluster's variables", () => {
    // GIVEN the cluster without the tunnel id variable, then with it, and external-dns WHEN rendered
    const components = [secrets, gateways, externalDns, cloudflared(base)];
    const without = renderComponents(components, testSettings({ secretVariables: ["SECRET_DOMAIN"] }));
    const rendered = renderComponents(components, settings);
    // THEN the variable is reported missing without it, and with it the app waits for external-dns
    expect(without.findings.map((f) => f.message).join("\n")).toContain("CLOUDFLARE_TUNNEL_ID");
    expect(rendered.findings).toEqual([]);
    expect(rendered.files.get("apps/network/cloudflared/ks.yaml")).toContain(
      "    - name: external-dns\n      namespace: network\n",
    );
  });

  it("validates what external-dns needs: a name, a type and a target", () => {
    // GIVEN a record whose target list was emptied WHEN validated THEN the missing target is reported
    const endpoint = theApp().objects.find((o) => o.kind === "DNSEndpoint") as unknown as {
      spec: { endpoints: { targets: string[] }[] };
      validate(): void;
    };
    expect(() => endpoint.validate()).not.toThrow();
    endpoint.spec.endpoints[0]?.targets.splice(0);
    expect(() => endpoint.validate()).toThrow(
      "DNSEndpoint is invalid: /spec/endpoints/0/targets must NOT have fewer than 1 items",
    );
  });
});

describe("cloudflared options", () => {
  it("dnsName and tunnelId: name the record and the tunnel it leads to", () => {
    // GIVEN a per-cluster record name and a literal tunnel id WHEN built THEN the record carries both
    expect(
      record({ dnsName: "external-infra.example.com", tunnelId: "6ff42ae2-765d-4adf-8112-31c55c1551ef" }),
    ).toMatchObject({
      endpoints: [
        {
          dnsName: "external-infra.example.com",
          targets: ["6ff42ae2-765d-4adf-8112-31c55c1551ef.cfargotunnel.com"],
        },
      ],
    });
  });

  it("domain: names the served subdomains and the default server name, variables included", () => {
    expect(gatewayRule({ domain: "${SECRET_DOMAIN}" })).toMatchObject({
      hostname: "*.${SECRET_DOMAIN}",
      originRequest: { originServerName: "external.${SECRET_DOMAIN}" },
    });
  });

  it("gateway: is where the tunnel forwards to", () => {
    const internal = {
      ...envoyExternal,
      name: "envoy-internal",
      host: "envoy-internal.network.svc.cluster.local",
      port: 8443,
    };
    expect(gatewayRule({ gateway: internal })).toMatchObject({
      service: "https://envoy-internal.network.svc.cluster.local:8443",
    });
  });

  it("originServerName: is the TLS name sent to the gateway", () => {
    expect(gatewayRule({ originServerName: "tunnel.example.com" })).toMatchObject({
      originRequest: { originServerName: "tunnel.example.com" },
    });
  });

  it("tunnelItem and tunnelTokenField: choose the 1Password item and field", () => {
    const token = theApp({ tunnelItem: "tunnel", tunnelTokenField: "token" })
      .objects.find((o) => o.kind === "ExternalSecret")
      ?.toJSON() as { spec: unknown };
    expect(token.spec).toMatchObject({
      dataFrom: [{ extract: { key: "tunnel" } }],
      target: { template: { data: { TUNNEL_TOKEN: "{{ .token }}" } } },
    });
  });

  it("namespace: moves the release", () => {
    expect(theApp({ namespace: "tunnel" }).namespace).toBe("tunnel");
  });

  it("replicas: sets the connector count", () => {
    expect(values({ replicas: 3 }).controllers.cloudflared.replicas).toBe(3);
  });
});
