import { fileURLToPath } from "node:url";
import { componentYaml, defineSettings, renderComponents } from "@k8s-ops/core";
import { ENVOY_GATEWAY_CHART, GATEWAY_API_VERSION } from "@k8s-ops/gateway-api";
import { appOf, helmValues, objectsOf, PLATFORM_SETTINGS, readmeShows, readmeYaml } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { envoyGateway } from "./index.js";
import { base, certs, settings } from "./test-support.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));

describe("envoyGateway", () => {
  it("renders the README example, and the README shows it", () => {
    // GIVEN the infra cluster's settings, with the domain among the cluster secrets
    const settings = defineSettings({ ...PLATFORM_SETTINGS.infra, secretVariables: ["SECRET_DOMAIN"] });
    // AND the README example
    // README:start
    const envoy = envoyGateway({
      settings,
      addresses: { external: "10.25.11.70", internal: "10.25.11.71" },
      issuer: certs.issuers.production,
      domain: "${SECRET_DOMAIN}",
    });
    // README:end
    // WHEN it is rendered THEN it validates, and the README shows the example
    expect(() => componentYaml(envoy, settings, [certs])).not.toThrow();
    expect(readmeShows(README, fileURLToPath(import.meta.url))).toBe(true);
  });

  it("renders the default component as the reviewed snapshot", async () => {
    // GIVEN the test cluster and the required options only WHEN rendered THEN it validates and matches
    const yaml = componentYaml(envoyGateway(base), settings, [certs]);
    await expect(yaml).toMatchFileSnapshot("__snapshots__/envoy-gateway.default.yaml");
    // AND the README's excerpts are taken from it
    for (const excerpt of readmeYaml(README).split(/^ *# …\n/m)) expect(yaml).toContain(excerpt);
  });

  it("installs the controller with every CRD it serves, and waits for it", () => {
    // GIVEN the default component WHEN built
    const envoy = envoyGateway(base);
    const controller = appOf(envoy, "envoy-gateway");
    // THEN the chart comes from the pinned OCI tag, installs its CRDs and the app declares all three groups
    expect(controller).toMatchObject({ namespace: "network", layer: "controllers", wait: true });
    expect(controller.crds).toEqual([
      "gateway.networking.k8s.io/*",
      "gateway.networking.x-k8s.io/*",
      "gateway.envoyproxy.io/*",
    ]);
    const [source] = objectsOf(appOf(envoy, "envoy-gateway"), "OCIRepository");
    expect(source).toMatchObject({
      spec: { ref: { tag: ENVOY_GATEWAY_CHART.tag }, url: ENVOY_GATEWAY_CHART.url },
    });
    expect(helmValues(appOf(envoy, "envoy-gateway"))).toEqual({
      config: {
        envoyGateway: { gateway: { controllerName: "gateway.envoyproxy.io/gatewayclass-controller" } },
      },
      crds: { enabled: true },
    });
    // AND it exports itself as the cluster's Gateway API CRD installer
    expect(envoy.gatewayApi).toMatchObject({
      app: { type: "App", name: "envoy-gateway", namespace: "network" },
      version: GATEWAY_API_VERSION,
      channel: "experimental",
    });
  });

  it("puts the gateways in a stage after the controller and the issuer, healthy once programmed", () => {
    // GIVEN the component and cert-manager WHEN rendered
    const files = renderComponents([certs, envoyGateway(base)], settings).files;
    const [, gateways] = parseAllDocuments(files.get("apps/network/envoy-gateway/ks.yaml") ?? "").map(
      (d) => d.toJS() as { metadata: { name: string }; spec: Record<string, unknown> },
    );
    // THEN the stage depends on the controller, cert-manager's CRDs and the issuers, and waits for the gateways
    expect(gateways?.metadata.name).toBe("envoy-gateways");
    expect(gateways?.spec.path).toBe("./clusters/test/apps/network/envoy-gateway/gateways");
    expect(gateways?.spec.dependsOn).toEqual([
      { name: "cert-manager", namespace: "cert-manager" },
      { name: "cert-manager-issuers", namespace: "cert-manager" },
      { name: "envoy-gateway", namespace: "network" },
    ]);
    expect(gateways?.spec.wait).toBe(true);
    expect(gateways?.spec.healthCheckExprs).toEqual([
      {
        apiVersion: "gateway.networking.k8s.io/v1",
        kind: "Gateway",
        current: "status.conditions.exists(e, e.type == 'Programmed' && e.status == 'True')",
        failed: "status.conditions.exists(e, e.type == 'Accepted' && e.status == 'False')",
      },
    ]);
  });

  it("gives each gateway its own EnvoyProxy: a pinned Service name and its LoadBalancer address", () => {
    // GIVEN the default component WHEN built
    const envoy = envoyGateway(base);
    const proxies = objectsOf(appOf(envoy, "envoy-gateways"), "EnvoyProxy");
    const [external, internal] = objectsOf(appOf(envoy, "envoy-gateways"), "Gateway");
    // THEN the class proxy has no address, each gateway's proxy pins name and address, and the gateway uses it
    expect(proxies.map((p) => (p.metadata as { name: string }).name)).toEqual([
      "envoy",
      "envoy-external",
      "envoy-internal",
    ]);
    expect(proxies[1]).toMatchObject({
      spec: {
        provider: {
          type: "Kubernetes",
          kubernetes: {
            envoyDeployment: { replicas: 2 },
            envoyService: {
              annotations: { "lbipam.cilium.io/ips": "192.168.0.130" },
              externalTrafficPolicy: "Local",
              name: "envoy-external",
              type: "LoadBalancer",
            },
          },
        },
      },
    });
    expect(external?.spec).toMatchObject({
      gatewayClassName: "envoy",
      infrastructure: {
        parametersRef: { group: "gateway.envoyproxy.io", kind: "EnvoyProxy", name: "envoy-external" },
      },
    });
    expect(internal?.metadata).toEqual({ name: "envoy-internal" });
  });

  it("listens on HTTP 80 for the redirect and HTTPS 443 with the wildcard certificate", () => {
    // GIVEN the default component WHEN built
    const envoy = envoyGateway(base);
    const [gateway] = objectsOf(appOf(envoy, "envoy-gateways"), "Gateway");
    const [certificate] = objectsOf(appOf(envoy, "envoy-gateways"), "Certificate");
    const [redirect] = objectsOf(appOf(envoy, "envoy-gateways"), "HTTPRoute");
    // THEN http takes routes of its own namespace, https of all and terminates TLS with the certificate's Secret
    expect(gateway?.spec).toHaveProperty("listeners", [
      { allowedRoutes: { namespaces: { from: "Same" } }, name: "http", port: 80, protocol: "HTTP" },
      {
        allowedRoutes: { namespaces: { from: "All" } },
        name: "https",
        port: 443,
        protocol: "HTTPS",
        tls: { certificateRefs: [{ group: "", kind: "Secret", name: "wildcard-tls" }], mode: "Terminate" },
      },
    ]);
    expect(certificate?.spec).toEqual({
      dnsNames: ["${SECRET_DOMAIN}", "*.${SECRET_DOMAIN}"],
      issuerRef: { group: "cert-manager.io", kind: "ClusterIssuer", name: "letsencrypt-production" },
      secretName: "wildcard-tls",
    });
    // AND a route on both http listeners redirects to https
    expect(redirect?.spec).toMatchObject({
      parentRefs: [
        { name: "envoy-external", namespace: "network", sectionName: "http" },
        { name: "envoy-internal", namespace: "network", sectionName: "http" },
      ],
      rules: [
        { filters: [{ requestRedirect: { scheme: "https", statusCode: 301 }, type: "RequestRedirect" }] },
      ],
    });
  });

  it("applies client defaults to each gateway, trusting X-Forwarded-For only on the external one", () => {
    // GIVEN the default component WHEN built
    const policies = objectsOf(appOf(envoyGateway(base), "envoy-gateways"), "ClientTrafficPolicy");
    const defaults = {
      http2: { onInvalidMessage: "TerminateStream" },
      http3: {},
      tcpKeepalive: {},
      tls: { alpnProtocols: ["h2", "http/1.1"], minVersion: "1.2" },
    };
    const target = (name: string) => [{ group: "gateway.networking.k8s.io", kind: "Gateway", name }];
    // THEN one policy per gateway: the external one takes the client address behind cloudflared, the internal one
    // from the connection, so a client on the LAN cannot claim another address
    expect(policies.map((policy) => [policy.metadata, policy.spec])).toEqual([
      [
        { name: "envoy-external" },
        {
          ...defaults,
          clientIPDetection: { xForwardedFor: { numTrustedHops: 1 } },
          targetRefs: target("envoy-external"),
        },
      ],
      [{ name: "envoy-internal" }, { ...defaults, targetRefs: target("envoy-internal") }],
    ]);
  });

  it("exports the gateways and their Services as references to the gateways stage", () => {
    // GIVEN the default component WHEN built
    const envoy = envoyGateway(base);
    // THEN the references name the gateways and Services, provided by envoy-gateways in network
    const provider = { name: "envoy-gateways", namespace: "network" };
    expect(envoy.gateways).toEqual({
      external: { type: "Gateway", name: "envoy-external", namespace: "network", provider },
      internal: { type: "Gateway", name: "envoy-internal", namespace: "network", provider },
    });
    expect(envoy.services.external).toEqual({
      type: "Service",
      name: "envoy-external",
      namespace: "network",
      provider,
      port: 443,
      host: "envoy-external.network.svc.cluster.local",
    });
    expect(envoy.services.internal.host).toBe("envoy-internal.network.svc.cluster.local");
  });
});
