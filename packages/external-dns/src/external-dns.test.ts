import { fileURLToPath } from "node:url";
import { componentYaml, renderComponents, SERVICE_MONITOR, testSettings } from "@k8s-ops/core";
import { externalSecrets } from "@k8s-ops/external-secrets";
import { helmValues, readmeShows, readmeYaml } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { externalDns } from "./index.js";
import { base, envoyExternal, gateways, secrets, theApp } from "./test-support.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));
const settings = testSettings({ secretVariables: ["SECRET_DOMAIN"] });

describe("externalDns", () => {
  it("renders the README example", async () => {
    // GIVEN the README example: the infra cluster's records for routes on the external gateway
    // README:start
    const secrets = externalSecrets({ vault: "k8s-infra" });
    const dns = externalDns({
      txtOwnerId: "infra",
      domainFilters: ["${SECRET_DOMAIN}"],
      store: secrets.secretStore,
      gateway: envoyExternal,
    });
    // README:end
    // WHEN it is rendered with the store and the gateway THEN it validates and matches the reviewed snapshot
    const yaml = componentYaml(dns, settings, [secrets, gateways]);
    await expect(yaml).toMatchFileSnapshot("__snapshots__/external-dns.default.yaml");
    // AND the README shows this very example and the start of its YAML
    expect(readmeShows(README, fileURLToPath(import.meta.url))).toBe(true);
    const start = readmeYaml(README);
    expect(yaml.slice(0, start.length)).toBe(start);
  });

  it("writes Cloudflare records in sync mode for Gateway routes and DNSEndpoints", () => {
    // GIVEN the defaults WHEN built THEN the values say so
    expect(helmValues(theApp())).toEqual({
      domainFilters: ["example.com"],
      env: [
        {
          name: "CF_API_TOKEN",
          valueFrom: { secretKeyRef: { key: "CF_API_TOKEN", name: "external-dns-secret" } },
        },
      ],
      extraArgs: ["--cloudflare-dns-records-per-page=1000", "--cloudflare-proxied"],
      fullnameOverride: "external-dns",
      podAnnotations: { "secret.reloader.stakater.com/reload": "external-dns-secret" },
      policy: "sync",
      provider: { name: "cloudflare" },
      serviceMonitor: { enabled: false },
      sources: ["crd", "gateway-grpcroute", "gateway-httproute"],
      triggerLoopOnEvent: true,
      txtOwnerId: "infra",
      txtPrefix: "k8s.",
    });
  });

  it("reads the token from the store and waits for it", () => {
    // GIVEN the defaults WHEN built
    const app = theApp();
    const token = app.objects.find((o) => o.kind === "ExternalSecret")?.toJSON() as { spec: unknown };
    // THEN the ExternalSecret feeds the token variable and the app uses the store
    expect(token.spec).toMatchObject({
      dataFrom: [{ extract: { key: "cloudflare" } }],
      target: {
        name: "external-dns-secret",
        template: { data: { CF_API_TOKEN: "{{ .CLOUDFLARE_API_TOKEN }}" } },
      },
    });
    expect(app.uses).toEqual([secrets.secretStore]);
  });

  it("installs the DNSEndpoint CRD with the crd source, and only then", () => {
    expect(theApp().crds).toEqual(["externaldns.k8s.io/DNSEndpoint"]);
    expect(theApp({ sources: ["gateway-httproute"] }).crds).toEqual([]);
  });

  it("is waited for when it installs the CRD, so DNSEndpoints apply after it", () => {
    // GIVEN the crd source, then only routes WHEN built THEN Flux waits for the release in the first case only
    expect(theApp().wait).toBe(true);
    expect(theApp({ sources: ["gateway-httproute"] }).wait).toBe(false);
  });
});

describe("externalDns options", () => {
  it("txtOwnerId: identifies the cluster's records", () => {
    expect(helmValues(theApp({ txtOwnerId: "apps" }))).toMatchObject({ txtOwnerId: "apps" });
  });

  it("domainFilters: limit the zones, variables included", () => {
    expect(helmValues(theApp({ domainFilters: ["${SECRET_DOMAIN}"] }))).toMatchObject({
      domainFilters: ["${SECRET_DOMAIN}"],
    });
  });

  it("gateway: publishes only that Gateway's routes and depends on its provider", () => {
    // GIVEN the external gateway WHEN rendered
    const dns = externalDns({ ...base, gateway: envoyExternal });
    const ks = renderComponents([secrets, gateways, dns], settings).files.get(
      "apps/network/external-dns/ks.yaml",
    );
    // THEN the flags name it and the app depends on the app that provides it
    expect(helmValues(theApp({ gateway: envoyExternal }))).toMatchObject({
      extraArgs: [
        "--cloudflare-dns-records-per-page=1000",
        "--cloudflare-proxied",
        "--gateway-name=envoy-external",
        "--gateway-namespace=network",
      ],
    });
    expect(ks).toContain("    - name: envoy-gateway\n      namespace: network\n");
  });

  it("txtPrefix: prefixes the ownership records", () => {
    expect(helmValues(theApp({ txtPrefix: "_owner." }))).toMatchObject({ txtPrefix: "_owner." });
  });

  it("sources: choose what is published", () => {
    expect(helmValues(theApp({ sources: ["service"] }))).toMatchObject({ sources: ["service"] });
  });

  it("proxied: false leaves records DNS-only", () => {
    expect(helmValues(theApp({ proxied: false }))).toMatchObject({
      extraArgs: ["--cloudflare-dns-records-per-page=1000"],
    });
  });

  it("policy: upsert-only never deletes", () => {
    expect(helmValues(theApp({ policy: "upsert-only" }))).toMatchObject({ policy: "upsert-only" });
  });

  it("cloudflareItem and cloudflareTokenField: choose the 1Password item and field", () => {
    const token = theApp({ cloudflareItem: "cloudflare-dns", cloudflareTokenField: "token" })
      .objects.find((o) => o.kind === "ExternalSecret")
      ?.toJSON() as { spec: unknown };
    expect(token.spec).toMatchObject({
      dataFrom: [{ extract: { key: "cloudflare-dns" } }],
      target: { template: { data: { CF_API_TOKEN: "{{ .token }}" } } },
    });
  });

  it("namespace: moves the release", () => {
    expect(theApp({ namespace: "dns" }).namespace).toBe("dns");
  });

  it("serviceMonitor: renders the chart's ServiceMonitor, after the CRD that defines it", () => {
    // GIVEN scraping on WHEN built THEN the chart renders it and the app depends on whoever installs its CRD
    expect(helmValues(theApp({ serviceMonitor: true }))).toMatchObject({ serviceMonitor: { enabled: true } });
    expect(theApp({ serviceMonitor: true }).chartKinds).toEqual([SERVICE_MONITOR]);
    expect(theApp({}).chartKinds).toEqual([]);
  });
});
