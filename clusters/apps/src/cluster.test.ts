import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { type ClusterReport, clusterPackageAt, verifyCluster } from "@k8s-ops/cli";
import { renderOrThrow } from "@k8s-ops/core";
import { beforeAll, describe, expect, it } from "vitest";
import { cluster } from "./cluster.ts";

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");

describe("the apps cluster", () => {
  let report: ClusterReport;
  beforeAll(async () => {
    // GIVEN the cluster package and its committed tree; WHEN it is rendered in memory and compared
    report = await verifyCluster(await clusterPackageAt(PACKAGE_DIR));
  }, 120_000);

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

  it("renders without a single finding", () => {
    expect(report.findings).toEqual([]);
  });

  it("is committed exactly as a fresh render gives it", () => {
    expect(report.drift).toEqual([]);
  });

  it("renders the same bytes twice", () => {
    const first = renderOrThrow(cluster, { root: "clusters/apps" });
    const second = renderOrThrow(cluster, { root: "clusters/apps" });
    expect([...second.files]).toEqual([...first.files]);
  });

  it("builds every rendered folder with kubectl kustomize", (context) => {
    if (!report.kustomize) {
      console.warn("kubectl not found: skipping the kustomize build of every rendered folder");
      context.skip();
    }
    expect(report.kustomize?.filter((result) => !result.ok)).toEqual([]);
    expect(report.kustomize?.length).toBeGreaterThan(5);
  });
});
