import { OptionError } from "@k8s-ops/core";
import { describe, expect, it } from "vitest";
import { type CiliumOptions, cilium } from "./index.js";
import { message, NAME_RULE, handMade as settings } from "./test-support.js";

describe("cilium rejects invalid settings", () => {
  it.each([
    ["longer than 32 characters", "a".repeat(33)],
    ["with upper case", "Infra"],
    ["ending in a dash", "infra-"],
    ["named default", "default"],
  ])("a cluster name %s", (_, name) => {
    // GIVEN hand-made settings with that name WHEN cilium is built THEN it throws naming the rule
    const build = () => cilium({ settings: settings({ name }) });
    expect(build).toThrow(OptionError);
    expect(build).toThrow(
      message("settings.name", "not a valid Cilium cluster name", NAME_RULE, JSON.stringify(name)),
    );
  });

  it.each([0, 256, 1.5])("cluster id %s", (id) => {
    expect(() => cilium({ settings: settings({ id }) })).toThrow(
      message("settings.id", "the cluster id is out of range", "an integer in 1..255", String(id)),
    );
  });

  it("a native routing CIDR without the pod CIDR", () => {
    expect(() => cilium({ settings: settings(), nativeRoutingCidr: "10.200.0.0/16" })).toThrow(
      message(
        "nativeRoutingCidr",
        "the native routing CIDR does not contain the cluster's pod CIDR",
        "a range containing 10.100.0.0/16",
        "10.200.0.0/16",
      ),
    );
  });

  it("a LoadBalancer pool outside the node network", () => {
    const build = () => cilium({ settings: settings({}, { loadBalancerCidr: "10.0.0.0/27" }) });
    expect(build).toThrow(
      message(
        "settings.network.loadBalancerCidr",
        "the LoadBalancer pool is not inside the node network",
        "a range inside 192.168.0.0/24",
        "10.0.0.0/27",
      ),
    );
  });

  it("a range that is not a CIDR", () => {
    const build = () => cilium({ settings: settings({}, { podCidr: "10.100.0.0" }) });
    expect(build).toThrow(
      message("settings.network.podCidr", "not a CIDR", "a network such as 10.244.0.0/16", '"10.100.0.0"'),
    );
  });

  it("an operator without replicas", () => {
    expect(() => cilium({ settings: settings(), operatorReplicas: 0 })).toThrow(
      message("operatorReplicas", "the operator needs at least one replica", "an integer ≥ 1", "0"),
    );
  });

  it("a load-balancing mode Cilium does not know (from untyped callers)", () => {
    const untyped = { settings: settings(), loadBalancerMode: "nat" } as unknown as CiliumOptions;
    expect(() => cilium(untyped)).toThrow(
      message("loadBalancerMode", "not a load-balancing mode Cilium knows", "dsr, snat or hybrid", '"nat"'),
    );
  });

  it("Gateway API without its CRDs (from untyped callers)", () => {
    const untyped = { settings: settings(), gatewayApi: true } as unknown as CiliumOptions;
    expect(() => cilium(untyped)).toThrow(
      message(
        "gatewayApiCrds",
        "Gateway API support needs the app that installs the Gateway API CRDs",
        "a reference to the app installing gateway.networking.k8s.io CRDs",
        "none",
      ),
    );
  });
});
