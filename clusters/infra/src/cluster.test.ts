import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describeClusterPackage } from "@k8s-ops/cli/testing";
import { describe, expect, it } from "vitest";
import { cluster } from "./cluster.ts";

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");

describe("the infra cluster", () => {
  it("has the settings of the platform brief", () => {
    expect(cluster.settings.name).toBe("infra");
    expect(cluster.settings.id).toBe(1);
    expect(cluster.settings.network).toEqual({
      nodeCidr: "10.25.11.0/24",
      podCidr: "10.244.0.0/16",
      serviceCidr: "10.245.0.0/16",
      loadBalancerCidr: "10.25.11.64/27",
    });
    expect(cluster.settings.bgp).toEqual({ localAsn: 65001, peerAsn: 65000, peerAddress: "10.25.11.1" });
    expect(cluster.settings.nodes.map((node) => node.address)).toEqual([
      "10.25.11.11",
      "10.25.11.12",
      "10.25.11.13",
    ]);
  });
});

describeClusterPackage(PACKAGE_DIR, cluster);
