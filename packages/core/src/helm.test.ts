import { describe, expect, it } from "vitest";
import { defineApp } from "./app.js";
import { helmRelease, repositoryChart } from "./flux.js";
import { helmApp } from "./helm.js";
import { toYaml } from "./render/yaml.js";
import { CHART, render } from "./test-fixtures.js";
import { validateApps } from "./validate/index.js";

const GITLAB_CHART = { repository: "https://charts.gitlab.io", chart: "gitlab", version: "9.8.3" } as const;

describe("helmApp", () => {
  it("installs a chart from an OCI registry through an OCIRepository", () => {
    // GIVEN an OCI chart  WHEN the app is built
    const app = helmApp({ name: "podinfo", namespace: "apps", layer: "apps", chart: CHART });
    // THEN an OCIRepository and a HelmRelease whose chartRef names it
    expect(app.objects.map((o) => o.kind)).toEqual(["OCIRepository", "HelmRelease"]);
    expect(app.objects[1]?.toJSON()).toMatchObject({
      spec: { chartRef: { kind: "OCIRepository", name: "podinfo" } },
    });
  });

  it("installs a chart from an HTTPS Helm repository through a HelmRepository and a HelmChart", () => {
    // GIVEN a chart published only to a classic Helm repository
    const app = helmApp({ name: "gitlab", namespace: "gitlab", layer: "apps", chart: GITLAB_CHART });
    // WHEN rendered  THEN the release's chartRef names the HelmChart, pinned to the exact version
    expect(app.objects.map((o) => toYaml(o.toJSON())).join("---\n")).toMatchInlineSnapshot(`
      "apiVersion: source.toolkit.fluxcd.io/v1
      kind: HelmRepository
      metadata:
        name: gitlab
      spec:
        interval: 1h
        url: https://charts.gitlab.io
      ---
      apiVersion: source.toolkit.fluxcd.io/v1
      kind: HelmChart
      metadata:
        name: gitlab
      spec:
        chart: gitlab
        interval: 15m
        sourceRef:
          kind: HelmRepository
          name: gitlab
        version: 9.8.3
      ---
      apiVersion: helm.toolkit.fluxcd.io/v2
      kind: HelmRelease
      metadata:
        name: gitlab
      spec:
        chartRef:
          kind: HelmChart
          name: gitlab
        interval: 1h
      "
    `);
  });

  it("renders and validates a cluster with a repository chart", () => {
    // GIVEN a cluster with the GitLab app  WHEN rendered  THEN nothing is reported
    const app = helmApp({ name: "gitlab", namespace: "gitlab", layer: "apps", chart: GITLAB_CHART });
    expect(render([app]).findings).toEqual([]);
  });

  it("reports a chartRef naming no HelmChart in the release's namespace", () => {
    // GIVEN a release whose HelmChart is named differently
    const objects = [
      ...repositoryChart("gitlab", GITLAB_CHART),
      helmRelease({ name: "gitlab", chartRef: "other", chartRefKind: "HelmChart" }),
    ];
    const app = defineApp({ name: "gitlab", namespace: "gitlab", layer: "apps", objects });
    // WHEN validated  THEN the missing HelmChart is named
    expect(validateApps({ cluster: "test", apps: [app], variables: new Set() })).toEqual([
      {
        code: "SOURCE_UNRESOLVED",
        path: "test › gitlab/gitlab › HelmRelease gitlab/gitlab: spec.chartRef",
        message: "chartRef names no HelmChart in the release's namespace",
        expected: "a HelmChart gitlab/other rendered in this cluster",
        found: "HelmChart other",
      },
    ]);
  });
});
