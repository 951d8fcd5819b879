import { appRef, defineApp, testSettings } from "@k8s-ops/core";
import { describe, expect, it } from "vitest";
import { cilium } from "./index.js";
import { MESH } from "./test-support.js";

describe("cilium option types", () => {
  it("rejects bad options at compile time", () => {
    const settings = testSettings();
    const crds = appRef(
      defineApp({ name: "gateway-api", namespace: "kube-system", layer: "crds", objects: [] }),
    );
    const storage = { type: "StorageClass", name: "x", provider: { name: "y", namespace: "z" } } as const;
    // @ts-expect-error settings are required
    expect(() => cilium({})).toThrow();
    // @ts-expect-error unknown option
    cilium({ settings, hubbles: true });
    // @ts-expect-error loadBalancerMode is one of dsr, snat, hybrid
    expect(() => cilium({ settings, loadBalancerMode: "nat" })).toThrow();
    // @ts-expect-error Gateway API needs the app installing its CRDs
    expect(() => cilium({ settings, gatewayApi: true })).toThrow();
    // @ts-expect-error the CRD provider is an App reference, not a storage class
    cilium({ settings, gatewayApi: true, gatewayApiCrds: storage });
    const peer = { name: "a", id: 2, address: "192.168.0.200" };
    // @ts-expect-error a mesh peer needs its pod CIDR
    expect(() => cilium({ settings, clusterMesh: { ...MESH, peers: [peer] } })).toThrow();
    // @ts-expect-error the mesh needs the shared CA's Secret
    expect(() => cilium({ settings, clusterMesh: { apiServerIp: "192.168.0.129", peers: [] } })).toThrow();
    expect(cilium({ settings, gatewayApi: true, gatewayApiCrds: crds }).apps).toHaveLength(2);
  });
});
