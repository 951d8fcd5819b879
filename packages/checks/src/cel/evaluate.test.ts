import { describe, expect, it } from "vitest";
import { lines, treeObject } from "../test-support.js";
import { type CelStats, celFindings, evaluateRule } from "./evaluate.js";

const stats = (): CelStats => ({ evaluated: 0, skippedOldSelf: 0, notEvaluated: 0 });

function route(backendRef: Record<string, unknown>) {
  return treeObject({
    apiVersion: "gateway.networking.k8s.io/v1",
    kind: "HTTPRoute",
    metadata: { name: "web", namespace: "default" },
    spec: {
      parentRefs: [
        {
          group: "gateway.networking.k8s.io",
          kind: "Gateway",
          name: "envoy-external",
          namespace: "network",
          sectionName: "https",
        },
        {
          group: "gateway.networking.k8s.io",
          kind: "Gateway",
          name: "envoy-internal",
          namespace: "network",
          sectionName: "https",
        },
      ],
      rules: [{ backendRefs: [{ group: "", kind: "Service", name: "web", ...backendRef }] }],
    },
  });
}

describe("celFindings with the generated table", () => {
  it("passes a valid Gateway API route through every rule of its kind", () => {
    // GIVEN a route with two parent gateways (the uniqueness rules read parentRefs' escaped __namespace__)
    const counted = stats();
    // WHEN
    const findings = celFindings("test", [route({ port: 80 })], counted);
    // THEN
    expect(findings).toEqual([]);
    expect(counted.evaluated).toBeGreaterThan(5);
  });

  it("reports a Gateway API backendRef to a Service without a port", () => {
    const findings = celFindings("test", [route({})], stats());
    expect(lines(findings)).toEqual([
      "CEL_RULE test › default/app › HTTPRoute default/web: spec.rules.0.backendRefs.0: Must have port for Service reference",
    ]);
    expect(findings[0]?.expected).toBe(
      "(size(self.group) == 0 && self.kind == 'Service') ? has(self.port) : true",
    );
  });

  it("reports a cert-manager issuer configuring two Venafi back ends", () => {
    const issuer = treeObject({
      apiVersion: "cert-manager.io/v1",
      kind: "ClusterIssuer",
      metadata: { name: "venafi" },
      spec: { venafi: { zone: "z", tpp: { url: "u" }, cloud: {} } },
    });
    expect(lines(celFindings("test", [issuer], stats()))).toEqual([
      "CEL_RULE test › default/app › ClusterIssuer venafi: spec.venafi: exactly one of tpp, cloud, or ngts must be configured",
    ]);
  });

  it("reports a CloudNativePG cluster with both imageName and imageCatalogRef, and skips its transition rules", () => {
    // GIVEN
    const cluster = treeObject({
      apiVersion: "postgresql.cnpg.io/v1",
      kind: "Cluster",
      metadata: { name: "db", namespace: "default" },
      spec: {
        instances: 3,
        imageName: "ghcr.io/cloudnative-pg/postgresql:17.5",
        imageCatalogRef: { apiGroup: "postgresql.cnpg.io", kind: "ImageCatalog", name: "pg", major: 17 },
        serviceAccountName: "db",
      },
    });
    const counted = stats();
    // WHEN
    const findings = celFindings("test", [cluster], counted);
    // THEN
    expect(lines(findings)).toEqual([
      "CEL_RULE test › default/app › Cluster default/db: spec: imageName and imageCatalogRef are mutually exclusive",
    ]);
    expect(counted.skippedOldSelf).toBe(1);
  });

  it("reports an Envoy Gateway policy targeting an HTTPRoute where it may only target gateways", () => {
    const policy = treeObject({
      apiVersion: "gateway.envoyproxy.io/v1alpha1",
      kind: "ClientTrafficPolicy",
      metadata: { name: "p", namespace: "network" },
      spec: { targetRefs: [{ group: "gateway.networking.k8s.io", kind: "HTTPRoute", name: "web" }] },
    });
    expect(lines(celFindings("test", [policy], stats()))).toEqual([
      "CEL_RULE test › default/app › ClientTrafficPolicy network/p: spec: this policy can only have a targetRefs[*].kind of Gateway or ListenerSet",
    ]);
  });
});

describe("evaluateRule", () => {
  it("evaluates with Kubernetes' isIP, and says undefined where it cannot evaluate", () => {
    expect(evaluateRule("isIP(self)", "10.0.0.1")).toBe(true);
    expect(evaluateRule("isIP(self)", "nope")).toBe(false);
    expect(evaluateRule("self.missing == 1", { present: 1 })).toBeUndefined();
    expect(evaluateRule("format.dns1123Label().validate(self).hasValue()", "a")).toBeUndefined();
  });
});
