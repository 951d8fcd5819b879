import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { type ClusterReport, clusterPackageAt, verifyCluster } from "@k8s-ops/cli";
import { renderOrThrow } from "@k8s-ops/core";
import { beforeAll, describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import { cluster } from "./cluster.ts";

const PACKAGE_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");

describe("the infra cluster", () => {
  let report: ClusterReport;
  beforeAll(async () => {
    // GIVEN the cluster package and its committed tree; WHEN it is rendered in memory and compared
    report = await verifyCluster(await clusterPackageAt(PACKAGE_DIR));
  }, 120_000);

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

  it("renders without a single finding", () => {
    expect(report.findings).toEqual([]);
  });

  it("is committed exactly as a fresh render gives it", () => {
    expect(report.drift).toEqual([]);
  });

  it("renders the same bytes twice", () => {
    const first = renderOrThrow(cluster, { root: "clusters/infra" });
    const second = renderOrThrow(cluster, { root: "clusters/infra" });
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

  it("bootstraps with the same chart, version and values Flux then reconciles", () => {
    // GIVEN the rendered bootstrap helmfile and the rendered Flux objects
    const helmfile = parse(readFileSync(join(PACKAGE_DIR, "bootstrap/helmfile.d/01-apps.yaml"), "utf8"));
    const flux = fluxReleases(PACKAGE_DIR);
    // WHEN each bootstrap release is looked up among the HelmReleases THEN they agree
    expect(helmfile.releases.map((release: { name: string }) => release.name)).toEqual([
      "cilium",
      "coredns",
      "spegel",
      "cert-manager",
      "external-secrets",
      "flux-operator",
      "flux-instance",
    ]);
    for (const release of helmfile.releases) {
      expect({ chart: release.chart, version: release.version, values: release.values[0] }).toEqual(
        flux.get(`${release.namespace}/${release.name}`),
      );
    }
  });
});

/** Every rendered HelmRelease, by namespace/name, with the chart and version of its OCIRepository. */
function fluxReleases(dir: string): Map<string, unknown> {
  const releases = new Map<string, unknown>();
  for (const entry of readdirSync(join(dir, "apps"), { recursive: true, withFileTypes: true })) {
    if (entry.name !== "helmrelease.yaml") continue;
    const [namespace] = relative(join(dir, "apps"), entry.parentPath).split("/");
    const read = (file: string) =>
      parseAllDocuments(readFileSync(join(entry.parentPath, file), "utf8")).map((d) => d.toJS());
    const repositories = read("ocirepository.yaml");
    for (const release of read(entry.name)) {
      const source = repositories.find(
        (repository) => repository.metadata.name === release.spec.chartRef.name,
      );
      releases.set(`${namespace}/${release.spec.releaseName ?? release.metadata.name}`, {
        chart: source?.spec.url,
        version: source?.spec.ref.tag,
        values: release.spec.values,
      });
    }
  }
  return releases;
}
