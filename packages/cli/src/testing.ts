/**
 * The tests every cluster package runs against itself, registered with vitest: `describeClusterPackage(dir, cluster)`
 * in its `src/cluster.test.ts`, beside the tests of its own settings.
 */
import { readdirSync, readFileSync } from "node:fs";
import { basename, join, relative } from "node:path";
import {
  type Cluster,
  PROVENANCE_ANNOTATION,
  provenanceValue,
  type RenderedCluster,
  renderOrThrow,
} from "@k8s-ops/core";
import { beforeAll, describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import { type ClusterReport, clusterPackageAt, verifyCluster } from "./verify.js";

/** `packageDir` is the cluster package's folder (`clusters/<name>`); `cluster` what its module exports. */
export function describeClusterPackage(packageDir: string, cluster: Cluster): void {
  describe(`the cluster package clusters/${basename(packageDir)}`, () => {
    let root: string;
    let report: ClusterReport;
    let rendered: RenderedCluster;
    beforeAll(async () => {
      // GIVEN the cluster package and its committed tree; WHEN it is rendered in memory and compared
      const pkg = await clusterPackageAt(packageDir);
      root = pkg.root;
      report = await verifyCluster(pkg);
      rendered = renderOrThrow(cluster, { root });
    }, 120_000);

    it("renders without a single finding", () => {
      expect(report.findings).toEqual([]);
    });

    it("is committed exactly as a fresh render gives it", () => {
      expect(report.drift).toEqual([]);
    });

    it("renders the same bytes twice", () => {
      expect([...renderOrThrow(cluster, { root }).files]).toEqual([...rendered.files]);
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
      const helmfile = parse(readFileSync(join(packageDir, "bootstrap/helmfile.d/01-apps.yaml"), "utf8"));
      const flux = ociReleases(packageDir);
      // WHEN each bootstrap release is looked up among the HelmReleases THEN they agree
      expect(helmfile.releases.map((release: { name: string }) => release.name)).toEqual(BOOTSTRAP_RELEASES);
      for (const release of helmfile.releases) {
        expect({ chart: release.chart, version: release.version, values: release.values[0] }).toEqual(
          flux.get(`${release.namespace}/${release.name}`),
        );
      }
    });

    it("names the package and version that produced every object of every component", () => {
      // GIVEN every component of the cluster  THEN each names its package
      expect(cluster.components.filter((c) => c.source === undefined).map((c) => c.name)).toEqual([]);
      // AND every object in its app folders (and their Kustomizations) carries that package and version
      const unmarked = cluster.components.flatMap((component) =>
        component.apps.flatMap((app) => {
          const folder = `apps/${app.namespace}/${app.folder}/`;
          const expected = component.source && provenanceValue(component.source);
          return [...rendered.files]
            .filter(([path]) => path.startsWith(folder) && !path.endsWith("/kustomization.yaml"))
            .flatMap(([path, text]) =>
              parseAllDocuments(text)
                .map((doc) => doc.toJS()?.metadata?.annotations?.[PROVENANCE_ANNOTATION])
                .filter((value) => value !== expected)
                .map((value) => `${path}: ${String(value)} (expected ${expected})`),
            );
        }),
      );
      expect(unmarked).toEqual([]);
    });
  });
}

/** The releases the bootstrap helmfile installs before Flux, in order. */
const BOOTSTRAP_RELEASES = [
  "cilium",
  "coredns",
  "spegel",
  "cert-manager",
  "external-secrets",
  "flux-operator",
  "flux-instance",
];

/** Every rendered HelmRelease on an OCI chart, by namespace/name, with its chart, version and values. */
function ociReleases(dir: string): Map<string, unknown> {
  const releases = new Map<string, unknown>();
  for (const entry of readdirSync(join(dir, "apps"), { recursive: true, withFileTypes: true })) {
    if (entry.name !== "helmrelease.yaml") continue;
    const [namespace] = relative(join(dir, "apps"), entry.parentPath).split("/");
    const read = (file: string) =>
      parseAllDocuments(readFileSync(join(entry.parentPath, file), "utf8")).map((d) => d.toJS());
    const releasesHere = read(entry.name).filter(
      (release) => release.spec.chartRef?.kind === "OCIRepository",
    );
    if (releasesHere.length === 0) continue;
    const repositories = read("ocirepository.yaml");
    for (const release of releasesHere) {
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
