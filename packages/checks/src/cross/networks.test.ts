import { describe, expect, it } from "vitest";
import { inputOf, lines, viewOf } from "../test-support.js";
import { networkRanges } from "./networks.js";

const NODES = "10.25.11.0/24";
const infra = () =>
  viewOf(
    inputOf([], {
      name: "infra",
      settings: {
        id: 1,
        network: {
          nodeCidr: NODES,
          podCidr: "10.244.0.0/16",
          serviceCidr: "10.245.0.0/16",
          loadBalancerCidr: "10.25.11.64/27",
        },
        nodes: [{ name: "infra-1", address: "10.25.11.11" }],
      },
    }),
  );

function apps(
  network: { podCidr?: string; serviceCidr?: string; loadBalancerCidr?: string },
  address = "10.25.11.14",
) {
  const base = {
    nodeCidr: NODES,
    podCidr: "10.246.0.0/16",
    serviceCidr: "10.247.0.0/16",
    loadBalancerCidr: "10.25.11.96/27",
  };
  return viewOf(
    inputOf([], {
      name: "apps",
      settings: { id: 2, network: { ...base, ...network }, nodes: [{ name: "apps-1", address }] },
    }),
  );
}

describe("networkRanges", () => {
  it("accepts the platform's two clusters on one shared node network", () => {
    expect(networkRanges([infra(), apps({})])).toEqual([]);
  });

  it("reports pod, service and LoadBalancer ranges shared across clusters", () => {
    // GIVEN apps reusing infra's pod CIDR as its service CIDR, and infra's LB range
    const findings = networkRanges([
      infra(),
      apps({ serviceCidr: "10.244.0.0/16", loadBalancerCidr: "10.25.11.64/28" }),
    ]);
    // THEN
    expect(lines(findings)).toEqual([
      "CLUSTER_INVARIANT cross-cluster › infra, apps: network.podCidr / network.serviceCidr: infra's podCidr overlaps apps's serviceCidr",
      "CLUSTER_INVARIANT cross-cluster › infra, apps: network.loadBalancerCidr / network.loadBalancerCidr: infra's loadBalancerCidr overlaps apps's loadBalancerCidr",
    ]);
    expect(findings[0]?.found).toBe("10.244.0.0/16 and 10.244.0.0/16");
  });

  it("reports a pod range inside the other cluster's node network", () => {
    const findings = networkRanges([infra(), apps({ podCidr: "10.25.11.128/26" })]);
    expect(lines(findings)).toEqual([
      "CLUSTER_INVARIANT cross-cluster › apps, infra: network.podCidr / network.nodeCidr: apps's podCidr overlaps infra's nodeCidr",
    ]);
  });

  it("reports a node address used twice and a node inside a LoadBalancer range", () => {
    expect(lines(networkRanges([infra(), apps({}, "10.25.11.11")]))).toEqual([
      "CLUSTER_INVARIANT cross-cluster › infra, apps: nodes[].address: node address 10.25.11.11 is used twice",
    ]);
    expect(lines(networkRanges([infra(), apps({}, "10.25.11.70")]))).toEqual([
      "CLUSTER_INVARIANT cross-cluster › apps, infra: nodes[].address / network.loadBalancerCidr: node apps/apps-1 lies in infra's LoadBalancer range",
    ]);
  });
});
