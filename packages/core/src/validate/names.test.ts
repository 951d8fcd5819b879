import { HelmRelease } from "@kubernetes-models/flux-cd/helm.toolkit.fluxcd.io/v2/HelmRelease";
import { describe, expect, it } from "vitest";
import type { AppOptions } from "../app.js";
import { defineApp } from "../app.js";
import { helmRelease, ociRepository } from "../flux.js";
import { helmApp } from "../helm.js";
import { CHART, configMap, render } from "../test-fixtures.js";
import { validateApps } from "./index.js";

function validate(...apps: ReturnType<typeof defineApp>[]) {
  return validateApps({ cluster: "test", apps, variables: new Set() });
}

function app(options: Partial<AppOptions>) {
  return defineApp({ name: "demo", namespace: "apps", layer: "apps", objects: [], ...options });
}

describe("INVALID_NAME", () => {
  it("reports an object name that is not a DNS-1123 subdomain", () => {
    // GIVEN a ConfigMap named with capitals and an underscore, beside one with dots (which is fine)
    const objects = [configMap("Bad_Name"), configMap("good.name")];
    // WHEN / THEN only the bad one is reported, at metadata.name
    expect(validate(app({ objects }))).toEqual([
      {
        code: "INVALID_NAME",
        path: "test › apps/demo › ConfigMap apps/Bad_Name: metadata.name",
        message: "name is not a valid DNS-1123 subdomain",
        expected: "≤ 253 characters of [a-z0-9-.], starting and ending alphanumeric",
        found: '"Bad_Name"',
      },
    ]);
  });

  it("reports a name longer than 253 characters", () => {
    // GIVEN a 254-character object name / WHEN validated / THEN it is reported
    const name = "a".repeat(254);
    expect(validate(app({ objects: [configMap(name)] })).map((f) => [f.code, f.found])).toEqual([
      ["INVALID_NAME", JSON.stringify(name)],
    ]);
  });

  it("reports a namespace and an app name that are not DNS-1123 labels", () => {
    // GIVEN an app in namespace "my.apps" (dots are not allowed in a label) named "-demo"
    const findings = validate(app({ name: "-demo", namespace: "my.apps" }));
    // WHEN / THEN both are reported against the app
    const label = {
      code: "INVALID_NAME",
      message: "name is not a valid DNS-1123 label",
      expected: "≤ 63 characters of [a-z0-9-], starting and ending alphanumeric",
    };
    expect(findings).toEqual([
      { ...label, path: "test › my.apps/-demo: namespace", found: '"my.apps"' },
      { ...label, path: "test › my.apps/-demo: name", found: '"-demo"' },
    ]);
  });
});

describe("RELEASE_NAME_TOO_LONG", () => {
  const namespace = "observability";

  it("reports a HelmRelease whose name, which Flux uses as the release name, is longer than 53 characters", () => {
    // GIVEN a chart app with a 54-character name (the HelmRelease sets no targetNamespace)
    const name = "v".repeat(54);
    // WHEN
    const findings = validate(helmApp({ name, namespace, layer: "platform", chart: CHART }));
    // THEN
    expect(findings).toEqual([
      {
        code: "RELEASE_NAME_TOO_LONG",
        path: `test › ${namespace}/${name} › HelmRelease ${namespace}/${name}: spec.releaseName`,
        message: "Helm release name is too long; set a shorter releaseName",
        expected: "≤ 53 characters",
        found: `54 characters (${name})`,
      },
    ]);
  });

  it("accepts a name of exactly 53 characters, whatever the namespace", () => {
    // GIVEN a 53-character name in a long namespace / WHEN validated / THEN nothing is reported
    const name = "v".repeat(53);
    expect(validate(helmApp({ name, namespace, layer: "platform", chart: CHART }))).toEqual([]);
  });

  it("counts the HelmRelease's own targetNamespace, as Flux does", () => {
    // GIVEN a HelmRelease that sets spec.targetNamespace, making observability-<40 characters> 54 characters
    const name = "v".repeat(40);
    const release = new HelmRelease({
      metadata: { name },
      spec: { chartRef: { kind: "OCIRepository", name }, interval: "1h", targetNamespace: namespace },
    });
    // WHEN
    const findings = validate(app({ name, objects: [ociRepository(name, CHART), release] }));
    // THEN
    expect(findings.map((finding) => [finding.code, finding.found])).toEqual([
      ["RELEASE_NAME_TOO_LONG", `54 characters (${namespace}-${name})`],
    ]);
  });

  it("is fixed by an explicit releaseName", () => {
    // GIVEN the same long app with a short releaseName
    const name = "v".repeat(54);
    // WHEN / THEN nothing is reported
    expect(
      validate(helmApp({ name, namespace, layer: "platform", chart: CHART, releaseName: "vm" })),
    ).toEqual([]);
  });

  it("reports an explicit releaseName that is itself too long, also against the schema", () => {
    // GIVEN a 54-character releaseName
    const releaseName = "r".repeat(54);
    // WHEN
    const findings = validate(
      helmApp({ name: "vm", namespace, layer: "platform", chart: CHART, releaseName }),
    );
    // THEN the HelmRelease schema (maxLength 53) and the release-name rule both report it
    const at = `test › ${namespace}/vm › HelmRelease ${namespace}/vm: spec.releaseName`;
    expect(findings).toEqual([
      {
        code: "SCHEMA",
        path: at,
        message: "must NOT be longer than 53 characters",
        expected: "at most 53 characters",
        found: JSON.stringify(releaseName),
      },
      {
        code: "RELEASE_NAME_TOO_LONG",
        path: at,
        message: "Helm release name is too long; set a shorter releaseName",
        expected: "≤ 53 characters",
        found: `54 characters (${releaseName})`,
      },
    ]);
  });
});

describe("SOURCE_UNRESOLVED", () => {
  it("reports a chartRef naming no OCIRepository in the release's namespace", () => {
    // GIVEN a HelmRelease whose chartRef names an OCIRepository nobody renders
    const objects = [ociRepository("podinfo", CHART), helmRelease({ name: "podinfo", chartRef: "missing" })];
    // WHEN / THEN
    expect(validate(app({ name: "podinfo", objects }))).toEqual([
      {
        code: "SOURCE_UNRESOLVED",
        path: "test › apps/podinfo › HelmRelease apps/podinfo: spec.chartRef",
        message: "chartRef names no OCIRepository in the release's namespace",
        expected: "an OCIRepository apps/missing rendered in this cluster",
        found: "OCIRepository missing",
      },
    ]);
  });

  it("does not resolve a chartRef to an OCIRepository of another namespace", () => {
    // GIVEN the OCIRepository in namespace "charts" and the release in "apps"
    const source = app({ name: "charts", namespace: "charts", objects: [ociRepository("podinfo", CHART)] });
    const release = app({ name: "podinfo", objects: [helmRelease({ name: "podinfo" })] });
    // WHEN / THEN the release's chartRef is unresolved
    expect(validate(source, release).map((f) => [f.code, f.path])).toEqual([
      ["SOURCE_UNRESOLVED", "test › apps/podinfo › HelmRelease apps/podinfo: spec.chartRef"],
    ]);
  });

  it("resolves a chartRef to an OCIRepository another app of the namespace renders", () => {
    // GIVEN the OCIRepository in another app of the same namespace / WHEN validated / THEN it resolves
    const source = app({ name: "charts", objects: [ociRepository("podinfo", CHART)] });
    const release = app({ name: "podinfo", objects: [helmRelease({ name: "podinfo" })] });
    expect(validate(source, release)).toEqual([]);
  });

  it("is part of renderCluster's findings", () => {
    // GIVEN a HelmRelease without its OCIRepository / WHEN the cluster renders / THEN it is reported
    const objects = [helmRelease({ name: "podinfo" })];
    expect(render([app({ name: "podinfo", objects })]).findings.map((f) => f.code)).toEqual([
      "SOURCE_UNRESOLVED",
    ]);
  });
});
