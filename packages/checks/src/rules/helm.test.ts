import { defineApp, helmApp, helmRelease, ociRepository } from "@k8s-ops/core";
import { describe, expect, it } from "vitest";
import { entry, inputOf, ksDoc, lines, viewOf, viewOfFiles } from "../test-support.js";
import { helmReleases, ociRepositories, repositoryCharts } from "./helm.js";

const chart = { url: "oci://registry.example.org/charts/web", tag: "1.0.0" };

describe("helmReleases", () => {
  it("accepts a release rendered by core: chartRef resolves, defaults patched in", () => {
    const cluster = viewOf(
      inputOf([
        { name: "web", apps: [helmApp({ name: "web", namespace: "default", layer: "apps", chart })] },
      ]),
    );
    expect(helmReleases(cluster)).toEqual([]);
  });

  it("reports a chartRef to nothing", () => {
    // GIVEN a release whose OCIRepository has another name
    const app = defineApp({
      name: "web",
      namespace: "default",
      layer: "apps",
      objects: [ociRepository("other", chart), helmRelease({ name: "web" })],
    });
    // WHEN
    const findings = helmReleases(viewOf(inputOf([{ name: "web", apps: [app] }])));
    // THEN
    expect(lines(findings)).toEqual([
      "SOURCE_UNRESOLVED test › default/web › HelmRelease default/web: spec.chartRef: chartRef names no OCIRepository in the release's namespace",
    ]);
    expect(findings[0]?.expected).toBe("an OCIRepository default/web rendered in this cluster");
  });

  it("reports a release applied without the entry's default policy", () => {
    const release =
      "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata: {name: web}\nspec:\n  chartRef: {kind: OCIRepository, name: web}\n";
    const cluster = viewOfFiles({
      ...entry(ksDoc("a", "a", "  targetNamespace: default\n")),
      "a/kustomization.yaml": "resources: [./hr.yaml, ./oci.yaml]\n",
      "a/hr.yaml": release,
      "a/oci.yaml": oci("1.0.0"),
    });
    const findings = helmReleases(cluster);
    expect(lines(findings)).toEqual([
      "HELM_DEFAULTS demo › flux-system/a › HelmRelease default/web: spec: the HelmRelease lacks the cluster's default install/upgrade policy",
    ]);
    expect(findings[0]?.expected).toBe(
      "spec.install.crds: CreateReplace, spec.upgrade.crds: CreateReplace, spec.upgrade.cleanupOnFail: true, spec.upgrade.remediation or spec.upgrade.strategy",
    );
  });
});

describe("ociRepositories", () => {
  it("reports a floating tag", () => {
    const cluster = viewOfFiles({
      ...entry(ksDoc("a", "a", "  targetNamespace: default\n")),
      "a/kustomization.yaml": "resources: [./oci.yaml]\n",
      "a/oci.yaml": oci("latest"),
    });
    const findings = ociRepositories(cluster);
    expect(lines(findings)).toEqual([
      "SOURCE_UNPINNED demo › flux-system/a › OCIRepository default/web: spec.ref: the chart version is not pinned",
    ]);
    expect(findings[0]?.found).toBe('{"tag":"latest"}');
  });

  it("reports a semver range, a non-OCI URL and a missing layer selector", () => {
    const text =
      "apiVersion: source.toolkit.fluxcd.io/v1\nkind: OCIRepository\nmetadata: {name: web}\nspec:\n  url: https://charts.example.org\n  ref: {semver: '>=1.0.0'}\n";
    const cluster = viewOfFiles({
      ...entry(ksDoc("a", "a", "  targetNamespace: default\n")),
      "a/kustomization.yaml": "resources: [./oci.yaml]\n",
      "a/oci.yaml": text,
    });
    expect(lines(ociRepositories(cluster)).map((l) => l.split(": ").slice(1).join(": "))).toEqual([
      "spec.url: the chart source is not an OCI registry",
      "spec.layerSelector: the OCIRepository does not select the Helm chart layer",
      "spec.ref: the chart version is not pinned",
    ]);
  });
});

describe("repositoryCharts", () => {
  const gitlab = { repository: "https://charts.gitlab.io", chart: "gitlab", version: "9.8.3" };

  it("accepts a chart from an HTTPS repository pinned to an exact version, as core renders it", () => {
    // GIVEN an app on a classic Helm repository  WHEN checked  THEN the release resolves and the chart is pinned
    const cluster = viewOf(
      inputOf([
        {
          name: "gitlab",
          apps: [helmApp({ name: "gitlab", namespace: "gitlab", layer: "apps", chart: gitlab })],
        },
      ]),
    );
    expect([...helmReleases(cluster), ...repositoryCharts(cluster)]).toEqual([]);
  });

  it("reports a plain-HTTP repository and a version range", () => {
    // GIVEN a HelmRepository over HTTP and a HelmChart on a range
    const cluster = viewOfFiles({
      ...entry(ksDoc("a", "a", "  targetNamespace: default\n")),
      "a/kustomization.yaml": "resources: [./source.yaml]\n",
      "a/source.yaml": [
        "apiVersion: source.toolkit.fluxcd.io/v1\nkind: HelmRepository\nmetadata: {name: web}\nspec:\n  url: http://charts.example.org\n",
        "apiVersion: source.toolkit.fluxcd.io/v1\nkind: HelmChart\nmetadata: {name: web}\nspec:\n  chart: web\n  version: 1.x\n  sourceRef: {kind: HelmRepository, name: web}\n",
      ].join("---\n"),
    });
    // WHEN
    const findings = repositoryCharts(cluster);
    // THEN both are reported, with what was found
    expect(lines(findings)).toEqual([
      "SOURCE_UNPINNED demo › flux-system/a › HelmRepository default/web: spec.url: the Helm repository is not served over HTTPS",
      "SOURCE_UNPINNED demo › flux-system/a › HelmChart default/web: spec.version: the chart version is not pinned",
    ]);
    expect(findings.map((f) => f.found)).toEqual(["http://charts.example.org", "1.x"]);
  });
});

function oci(tag: string): string {
  return `apiVersion: source.toolkit.fluxcd.io/v1\nkind: OCIRepository\nmetadata: {name: web}\nspec:\n  url: oci://registry.example.org/charts/web\n  layerSelector: {mediaType: application/vnd.cncf.helm.chart.content.v1.tar+gzip, operation: copy}\n  ref: {tag: ${tag}}\n`;
}
