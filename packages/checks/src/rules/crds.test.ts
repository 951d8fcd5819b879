import { type Component, defineApp, helmApp } from "@k8s-ops/core";
import { describe, expect, it } from "vitest";
import { inputOf, lines, raw, viewOf } from "../test-support.js";
import { bootstrappedApps, crdOrdering } from "./crds.js";

const chart = { url: "oci://r.example.org/c/operator", tag: "1.0.0" };
const widget = (name: string) => raw({ apiVersion: "example.io/v1", kind: "Widget", metadata: { name } });

function operator(wait: boolean): Component {
  return {
    name: "operator",
    apps: [
      helmApp({
        name: "operator",
        namespace: "ops",
        layer: "controllers",
        chart,
        crds: ["example.io/*"],
        wait,
      }),
      defineApp({
        name: "operator-config",
        folder: "operator",
        dir: "config",
        namespace: "ops",
        layer: "config",
        objects: [widget("w")],
      }),
    ],
  };
}

describe("crdOrdering", () => {
  it("accepts objects applied after the app installing their CRD, which waits for it", () => {
    expect(crdOrdering(viewOf(inputOf([operator(true)])))).toEqual([]);
  });

  it("reports a CRD provider Flux does not wait for", () => {
    // GIVEN the operator without wait or health checks
    const findings = crdOrdering(viewOf(inputOf([operator(false)])));
    // THEN
    expect(lines(findings)).toEqual([
      "CRD_NOT_GATED test › ops/operator-config › Widget ops/w: ops/operator installs the CRD but Flux does not wait for it to be ready",
    ]);
    expect(findings[0]?.expected).toBe("wait: true or health checks on ops/operator");
  });

  it("reports a namespace-wide object whose CRD is installed by an app, not the bootstrap", () => {
    // GIVEN every namespace gets a Widget, whose CRD an ordinary app installs
    const component = {
      ...operator(true),
      namespaceComponents: [{ name: "widgets", objects: [widget("everywhere")] }],
    };
    // WHEN
    const findings = crdOrdering(viewOf(inputOf([component])));
    // THEN
    expect(lines(findings)).toEqual([
      "CRD_NOT_PROVIDED test › flux-system/cluster-apps › Widget ops/everywhere: applied before its CRD: ops/operator, which installs it, is not among the Kustomization's dependencies",
    ]);
  });

  it("accepts kinds the cluster serves before Flux, and CRDs of bootstrapped apps", () => {
    const served = {
      ...operator(true),
      namespaceComponents: [{ name: "widgets", objects: [widget("everywhere")] }],
    };
    expect(crdOrdering(viewOf(inputOf([served], { served: ["example.io/*"] })))).toEqual([]);
    expect(crdOrdering({ ...viewOf(inputOf([served])), bootstrapped: ["ops/operator"] })).toEqual([]);
  });

  it("takes the bootstrapped apps from the bootstrap helmfile's order, external-secrets included", () => {
    // GIVEN apps of which some the bootstrap helmfile installs
    const chart = { url: "oci://registry.example.org/charts/x", tag: "1.0.0" };
    const app = (name: string, namespace: string) =>
      helmApp({ name, namespace, layer: "controllers", chart });
    const apps = [
      app("cilium", "kube-system"),
      app("external-secrets", "external-secrets"),
      app("flux-operator", "flux-system"),
      app("rook-ceph", "rook-ceph"),
    ];
    // WHEN / THEN those, by namespace and name, and no other
    expect(bootstrappedApps(apps)).toEqual([
      "kube-system/cilium",
      "external-secrets/external-secrets",
      "flux-system/flux-operator",
    ]);
  });
});
