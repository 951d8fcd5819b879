import { defineApp } from "@k8s-ops/core";
import { describe, expect, it } from "vitest";
import { inputOf, lines, raw, viewOf } from "../test-support.js";
import { apiChange, deprecatedApis } from "./deprecated.js";

describe("deprecatedApis", () => {
  it("reports removed and deprecated API versions and the BGP v1 policy", () => {
    // GIVEN objects on old API versions
    const objects = [
      raw({ apiVersion: "policy/v1beta1", kind: "PodDisruptionBudget", metadata: { name: "pdb" } }),
      raw({ apiVersion: "cilium.io/v2alpha1", kind: "CiliumLoadBalancerIPPool", metadata: { name: "pool" } }),
      raw({ apiVersion: "cilium.io/v2alpha1", kind: "CiliumBGPPeeringPolicy", metadata: { name: "bgp" } }),
    ];
    const app = defineApp({ name: "old", namespace: "default", layer: "apps", objects });
    // WHEN
    const findings = deprecatedApis(
      viewOf(inputOf([{ name: "old", apps: [app] }], { served: ["cilium.io/*"] })),
    );
    // THEN
    expect(lines(findings)).toEqual([
      "API_DEPRECATED test › default/old › CiliumBGPPeeringPolicy bgp: apiVersion: CiliumBGPPeeringPolicy cilium.io/v2alpha1 is removed",
      "API_DEPRECATED test › default/old › CiliumLoadBalancerIPPool pool: apiVersion: CiliumLoadBalancerIPPool cilium.io/v2alpha1 is deprecated",
      "API_DEPRECATED test › default/old › PodDisruptionBudget default/pdb: apiVersion: PodDisruptionBudget policy/v1beta1 is removed",
    ]);
    expect(findings.map((f) => f.expected)).toEqual([
      "CiliumBGPClusterConfig, CiliumBGPPeerConfig and CiliumBGPAdvertisement (cilium.io/v2)",
      "cilium.io/v2",
      "policy/v1",
    ]);
  });

  it("knows the Flux betas and leaves current versions alone", () => {
    expect(apiChange("helm.toolkit.fluxcd.io/v2beta2", "HelmRelease")?.use).toBe("helm.toolkit.fluxcd.io/v2");
    expect(apiChange("source.toolkit.fluxcd.io/v1beta2", "OCIRepository")?.use).toBe(
      "source.toolkit.fluxcd.io/v1",
    );
    expect(apiChange("autoscaling/v2beta2", "HorizontalPodAutoscaler")?.use).toBe("autoscaling/v2");
    expect(apiChange("cilium.io/v2alpha1", "CiliumPodIPPool")).toBeUndefined();
    expect(apiChange("helm.toolkit.fluxcd.io/v2", "HelmRelease")).toBeUndefined();
  });
});
