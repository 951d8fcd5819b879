import { fileURLToPath } from "node:url";
import {
  type Component,
  defineApp,
  type GatewayRef,
  renderComponents,
  type StorageClassRef,
} from "@k8s-ops/core";
import { readmeShows } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { envoyGateway, httpRoute } from "./index.js";
import { base, certs, settings } from "./test-support.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));
const envoy = envoyGateway(base);

/** An app deploying the route with what the route says it uses. */
function routeApp(route: ReturnType<typeof httpRoute>): Component {
  const grafana = defineApp({
    name: "grafana",
    namespace: "observability",
    layer: "apps",
    objects: [route.route],
    uses: route.uses,
  });
  return { name: "grafana", apps: [grafana] };
}

describe("httpRoute", () => {
  it("builds the README example: an HTTPRoute on the gateway's HTTPS listener and what it uses", () => {
    // GIVEN the README example
    // ROUTE:start
    const grafana = httpRoute({
      name: "grafana",
      gateway: envoy.gateways.internal,
      hostnames: ["grafana.example.com"],
      service: { name: "grafana", port: 80 },
    });
    // ROUTE:end
    // THEN the route attaches to envoy-internal's https listener and sends every path to the Service
    expect(grafana.route.toJSON()).toEqual({
      apiVersion: "gateway.networking.k8s.io/v1",
      kind: "HTTPRoute",
      metadata: { name: "grafana" },
      spec: {
        hostnames: ["grafana.example.com"],
        parentRefs: [
          {
            group: "gateway.networking.k8s.io",
            kind: "Gateway",
            name: "envoy-internal",
            namespace: "network",
            sectionName: "https",
          },
        ],
        rules: [
          {
            backendRefs: [{ group: "", kind: "Service", name: "grafana", port: 80 }],
            matches: [{ path: { type: "PathPrefix", value: "/" } }],
          },
        ],
      },
    });
    // AND the app deploying it uses the gateway
    expect(grafana.uses).toEqual([envoy.gateways.internal]);
    expect(readmeShows(README, fileURLToPath(import.meta.url), "ROUTE")).toBe(true);
  });

  it("makes the app deploying the route depend on the gateways stage", () => {
    // GIVEN an app with the route, in a cluster with Envoy Gateway and cert-manager
    const route = httpRoute({
      name: "grafana",
      gateway: envoy.gateways.external,
      hostnames: ["grafana.example.com"],
      service: { name: "grafana", port: 3000 },
    });
    // WHEN rendered
    const rendered = renderComponents([certs, envoy, routeApp(route)], settings);
    // THEN it validates and the app's Kustomization depends on envoy-gateways (and on the CRD installer)
    expect(rendered.findings).toEqual([]);
    const [ks] = parseAllDocuments(rendered.files.get("apps/observability/grafana/ks.yaml") ?? "").map(
      (d) => d.toJS() as { spec: { dependsOn: unknown[] } },
    );
    expect(ks?.spec.dependsOn).toEqual([
      { name: "envoy-gateway", namespace: "network" },
      { name: "envoy-gateways", namespace: "network" },
    ]);
  });

  it("reports REF_UNRESOLVED when the gateway's provider is not in the cluster", () => {
    // GIVEN a route on a gateway of a cluster whose components do not include Envoy Gateway
    const route = httpRoute({
      name: "grafana",
      gateway: envoy.gateways.internal,
      hostnames: ["grafana.example.com"],
      service: { name: "grafana", port: 80 },
    });
    // WHEN the app is rendered without envoy-gateway
    const rendered = renderComponents([routeApp(route)], settings);
    // THEN the unresolved gateway is reported against the app
    expect(rendered.findings).toContainEqual({
      code: "REF_UNRESOLVED",
      path: "test › observability/grafana",
      message: "uses Gateway network/envoy-internal, which no app of this cluster provides here",
      expected: "an app network/envoy-gateways in cluster test",
      found: "no such app",
    });
  });

  it("namespace: puts the route (and the Service it reaches) in a namespace of its own", () => {
    // GIVEN a namespace WHEN built THEN the route carries it
    const route = httpRoute({
      name: "grafana",
      gateway: envoy.gateways.internal,
      hostnames: ["grafana.example.com"],
      service: { name: "grafana", port: 80 },
      namespace: "observability",
    });
    expect(route.route.metadata).toEqual({ name: "grafana", namespace: "observability" });
  });

  it("rejects a route without host names, with a bad host name or port", () => {
    // GIVEN each bad option WHEN built THEN each throws naming the route and the option
    const gateway = envoy.gateways.internal;
    const service = { name: "grafana", port: 80 };
    expect(() => httpRoute({ name: "grafana", gateway, hostnames: [], service })).toThrow(
      [
        "OPTION httpRoute(grafana): hostnames: a route needs at least one host name",
        "  expected: host names such as app.example.com or *.example.com",
        "  found:    []",
      ].join("\n"),
    );
    expect(() =>
      httpRoute({ name: "grafana", gateway, hostnames: ["https://grafana.example.com"], service }),
    ).toThrow(
      [
        "OPTION httpRoute(grafana): hostnames: not a host name",
        "  expected: host names such as app.example.com or *.example.com",
        '  found:    "https://grafana.example.com"',
      ].join("\n"),
    );
    expect(() =>
      httpRoute({
        name: "grafana",
        gateway,
        hostnames: ["grafana.example.com"],
        service: { name: "grafana", port: 0 },
      }),
    ).toThrow(
      [
        "OPTION httpRoute(grafana): service.port: not a port number",
        "  expected: an integer in 1..65535",
        "  found:    0",
      ].join("\n"),
    );
  });

  it("does not compile with anything but a gateway reference", () => {
    // GIVEN a storage class reference and a gateway name
    const storageClass: StorageClassRef = {
      type: "StorageClass",
      name: "ceph-block",
      provider: { name: "rook-ceph-cluster", namespace: "rook-ceph" },
    };
    const service = { name: "grafana", port: 80 };
    const hostnames = ["grafana.example.com"];
    // THEN the compiler refuses both as the gateway
    // @ts-expect-error a StorageClassRef is not a GatewayRef
    httpRoute({ name: "grafana", gateway: storageClass, hostnames, service });
    // @ts-expect-error a gateway is taken by reference, never by name
    expect(() => httpRoute({ name: "grafana", gateway: "envoy-internal", hostnames, service })).not.toThrow();
    // @ts-expect-error a gateway reference carries its namespace
    const unscoped: GatewayRef = {
      type: "Gateway",
      name: "envoy-internal",
      provider: envoy.gateways.internal.provider,
    };
    expect(unscoped.name).toBe("envoy-internal");
  });
});
