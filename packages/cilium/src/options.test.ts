import { appRef, defineApp, renderComponents, testSettings } from "@k8s-ops/core";
import { appOf, objectsOf } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { cilium } from "./index.js";
import { agentValues } from "./test-support.js";

const BGP = { localAsn: 65001, peerAsn: 65000, peerAddress: "192.168.0.1" };

describe("cilium options", () => {
  it("bgp settings: the BGP control plane v2 peers with the router", () => {
    // GIVEN a cluster with BGP peering WHEN built
    const network = cilium({ settings: testSettings({ bgp: BGP }) });
    const [clusterConfig] = objectsOf(appOf(network, "cilium-config"), "CiliumBGPClusterConfig");
    // THEN the control plane is on and the v2 cluster config peers with the router, never the v1 policy
    expect(agentValues(network).bgpControlPlane).toEqual({ enabled: true });
    expect(clusterConfig).toMatchObject({
      apiVersion: "cilium.io/v2",
      spec: {
        bgpInstances: [
          {
            localASN: 65001,
            peers: [{ peerASN: 65000, peerAddress: "192.168.0.1", peerConfigRef: { name: "l3-router" } }],
          },
        ],
      },
    });
    expect(appOf(network, "cilium-config").objects.map((o) => o.kind)).not.toContain(
      "CiliumBGPPeeringPolicy",
    );
  });

  it("bgp settings: the PeerConfig advertises what the Advertisement labels", () => {
    // GIVEN a cluster with BGP peering WHEN built
    const network = cilium({ settings: testSettings({ bgp: BGP }) });
    const [peerConfig] = objectsOf(appOf(network, "cilium-config"), "CiliumBGPPeerConfig");
    const advertisements = objectsOf(appOf(network, "cilium-config"), "CiliumBGPAdvertisement");
    const [clusterConfig] = objectsOf(appOf(network, "cilium-config"), "CiliumBGPClusterConfig");
    // THEN every family's selector matches an Advertisement, and the peerConfigRef names the PeerConfig
    const spec = peerConfig?.spec as {
      families: { advertisements: { matchLabels: Record<string, string> } }[];
    };
    for (const family of spec.families) {
      const matching = advertisements.filter((ad) => {
        const labels = (ad.metadata as { labels?: Record<string, string> }).labels ?? {};
        return Object.entries(family.advertisements.matchLabels).every(([k, v]) => labels[k] === v);
      });
      expect(matching).toHaveLength(1);
    }
    const ref = JSON.stringify(clusterConfig?.spec).match(/"peerConfigRef":\{"name":"([^"]+)"/)?.[1];
    expect(ref).toBe((peerConfig?.metadata as { name?: string } | undefined)?.name);
  });

  it("no bgp settings: the control plane stays off and no BGP objects render", () => {
    // GIVEN a cluster without BGP WHEN built
    const network = cilium({ settings: testSettings() });
    // THEN only the pool and its L2 announcements are configured
    expect(agentValues(network).bgpControlPlane).toEqual({ enabled: false });
    expect(appOf(network, "cilium-config").objects.map((o) => o.kind)).toEqual([
      "CiliumLoadBalancerIPPool",
      "CiliumL2AnnouncementPolicy",
    ]);
  });

  it("namespace: places both stages", () => {
    const network = cilium({ settings: testSettings(), namespace: "cilium" });
    expect(network.apps.map((a) => a.namespace)).toEqual(["cilium", "cilium"]);
  });

  it("nativeRoutingCidr: sets ipv4NativeRoutingCIDR", () => {
    const network = cilium({ settings: testSettings(), nativeRoutingCidr: "10.100.0.0/14" });
    expect(agentValues(network).ipv4NativeRoutingCIDR).toBe("10.100.0.0/14");
  });

  it("operatorReplicas: sizes the operator", () => {
    const network = cilium({ settings: testSettings(), operatorReplicas: 1 });
    expect(agentValues(network).operator).toEqual({ replicas: 1, rollOutPods: true });
  });

  it("loadBalancerMode: chooses how LoadBalancer traffic reaches other nodes", () => {
    const network = cilium({ settings: testSettings(), loadBalancerMode: "snat" });
    expect(agentValues(network).loadBalancer).toEqual({ algorithm: "maglev", mode: "snat" });
  });

  it("hostLegacyRouting: false keeps eBPF host routing", () => {
    const network = cilium({ settings: testSettings(), hostLegacyRouting: false });
    expect(agentValues(network).bpf).toEqual({ hostLegacyRouting: false, masquerade: true });
  });

  it("hubble: deploys Hubble with relay and UI", () => {
    // GIVEN hubble on WHEN built THEN relay and UI run; by default Hubble is off
    expect(agentValues(cilium({ settings: testSettings(), hubble: true })).hubble).toEqual({
      enabled: true,
      relay: { enabled: true, rollOutPods: true },
      ui: { enabled: true, rollOutPods: true },
    });
    expect(agentValues(cilium({ settings: testSettings() })).hubble).toEqual({ enabled: false });
  });

  it("gatewayApi: enables Gateway API with Envoy and the L7 proxy and depends on the CRDs", () => {
    // GIVEN an app installing the Gateway API CRDs and Cilium with Gateway API on
    const crds = defineApp({ name: "gateway-api", namespace: "kube-system", layer: "crds", objects: [] });
    const network = cilium({ settings: testSettings(), gatewayApi: true, gatewayApiCrds: appRef(crds) });
    // WHEN both are rendered
    const rendered = renderComponents([{ name: "gateway-api", apps: [crds] }, network]);
    // THEN the chart serves Gateway API and the agent's Kustomization depends on the CRD app
    expect(rendered.findings).toEqual([]);
    expect(agentValues(network)).toMatchObject({
      envoy: { enabled: true },
      gatewayAPI: { enabled: true },
      l7Proxy: true,
    });
    const ks = rendered.files.get("apps/kube-system/cilium/ks.yaml") ?? "";
    expect(ks).toContain(
      "  name: cilium\nspec:\n  dependsOn:\n    - name: gateway-api\n      namespace: kube-system",
    );
    // AND by default Gateway API is off (Envoy Gateway serves it)
    expect(agentValues(cilium({ settings: testSettings() })).gatewayAPI).toEqual({ enabled: false });
  });
});
