import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describeClusterPackage } from "@k8s-ops/cli/testing";
import { describe, expect, it } from "vitest";
import { cluster } from "./cluster.ts";

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");

describe("the apps cluster", () => {
  it("has the settings of the platform brief", () => {
    expect(cluster.settings.name).toBe("apps");
    expect(cluster.settings.id).toBe(2);
    expect(cluster.settings.network).toEqual({
      nodeCidr: "10.25.11.0/24",
      podCidr: "10.246.0.0/16",
      serviceCidr: "10.247.0.0/16",
      loadBalancerCidr: "10.25.11.96/27",
    });
    expect(cluster.settings.bgp).toEqual({ localAsn: 65002, peerAsn: 65000, peerAddress: "10.25.11.1" });
    expect(cluster.settings.nodes.map((node) => node.address)).toEqual([
      "10.25.11.14",
      "10.25.11.15",
      "10.25.11.16",
    ]);
  });
});

describeClusterPackage(PACKAGE_DIR, cluster);
