import { HelmRelease } from "@kubernetes-models/flux-cd/helm.toolkit.fluxcd.io/v2/HelmRelease";
import { Kustomization } from "@kubernetes-models/flux-cd/kustomize.toolkit.fluxcd.io/v1/Kustomization";
import { describe, expect, it } from "vitest";
import type { App } from "../app.js";
import { defineApp } from "../app.js";
import { ociRepository } from "../flux.js";
import type { KubeObject } from "../object.js";
import { CHART, configMap, customObject, render } from "../test-fixtures.js";
import { validateApps } from "./index.js";

function appWith(...objects: KubeObject[]): App {
  return defineApp({ name: "podinfo", namespace: "apps", layer: "apps", objects });
}

function validate(app: App) {
  return validateApps({ cluster: "test", apps: [app], variables: new Set() });
}

const AT = "test › apps/podinfo";

describe("schema findings", () => {
  it("reports a HelmRelease with a wrong type and a missing required field, with field paths", () => {
    // GIVEN a HelmRelease whose interval is a number and whose chartRef has no name
    const release = new HelmRelease({
      metadata: { name: "podinfo" },
      spec: {
        // @ts-expect-error interval is a duration string
        interval: 5,
        // @ts-expect-error chartRef.name is required
        chartRef: { kind: "OCIRepository" },
      },
    });
    // WHEN the app is validated
    const findings = validate(appWith(ociRepository("podinfo", CHART), release));
    // THEN each schema error is a finding at its field; the nameless chartRef also resolves to no source
    expect(findings).toEqual([
      {
        code: "SCHEMA",
        path: `${AT} › HelmRelease apps/podinfo: spec.chartRef.name`,
        message: "required field is missing",
        expected: "a value",
        found: "nothing",
      },
      {
        code: "SCHEMA",
        path: `${AT} › HelmRelease apps/podinfo: spec.interval`,
        message: "must be string",
        expected: "string",
        found: "5",
      },
      {
        code: "SOURCE_UNRESOLVED",
        path: `${AT} › HelmRelease apps/podinfo: spec.chartRef`,
        message: "chartRef names no OCIRepository in the release's namespace",
        expected: "an OCIRepository apps/? rendered in this cluster",
        found: "OCIRepository ?",
      },
    ]);
  });

  it("reports a Kustomization with a missing field, a wrong type and a value outside an enum", () => {
    // GIVEN a Flux Kustomization without interval, with prune as a string and an unknown source kind
    const child = new Kustomization({
      metadata: { name: "child" },
      spec: {
        // @ts-expect-error prune is a boolean
        prune: "yes",
        // @ts-expect-error Bucket2 is no Flux source kind
        sourceRef: { kind: "Bucket2", name: "flux-system" },
      },
    });
    // WHEN
    const findings = validate(appWith(child));
    // THEN
    const at = `${AT} › Kustomization apps/child`;
    expect(findings).toEqual([
      {
        code: "SCHEMA",
        path: `${at}: spec.interval`,
        message: "required field is missing",
        expected: "a value",
        found: "nothing",
      },
      {
        code: "SCHEMA",
        path: `${at}: spec.prune`,
        message: "must be boolean",
        expected: "boolean",
        found: '"yes"',
      },
      {
        code: "SCHEMA",
        path: `${at}: spec.sourceRef.kind`,
        message: "must be equal to one of the allowed values",
        expected: 'one of "OCIRepository", "GitRepository", "Bucket", "ExternalArtifact"',
        found: '"Bucket2"',
      },
    ]);
  });

  it("reports a value that does not match the schema's pattern", () => {
    // GIVEN an OCIRepository pointing at an https URL
    const repository = ociRepository("podinfo", { url: "https://ghcr.io/example/podinfo", tag: "6.9.0" });
    // WHEN / THEN
    expect(validate(appWith(repository))).toEqual([
      {
        code: "SCHEMA",
        path: `${AT} › OCIRepository apps/podinfo: spec.url`,
        message: 'must match pattern "^oci://.*$"',
        expected: "a value matching ^oci://.*$",
        found: '"https://ghcr.io/example/podinfo"',
      },
    ]);
  });

  it("reports a wrong type inside a map with the key in the path", () => {
    // GIVEN a ConfigMap whose data value is a number
    // @ts-expect-error ConfigMap data values are strings
    const settings = configMap("settings", { "max-connections": 5 });
    // WHEN / THEN
    expect(validate(appWith(settings))).toEqual([
      {
        code: "SCHEMA",
        path: `${AT} › ConfigMap apps/settings: data.max-connections`,
        message: "must be string",
        expected: "string",
        found: "5",
      },
    ]);
  });

  it("turns a validate() failure without schema errors into one finding on the object", () => {
    // GIVEN an object whose validate() throws a plain error
    const widget: KubeObject = {
      ...customObject("example.com/v1", "Widget", "w"),
      validate: () => {
        throw new Error("boom");
      },
    };
    // WHEN / THEN
    expect(validate(appWith(widget))).toEqual([
      { code: "SCHEMA", path: `${AT} › Widget apps/w`, message: "Error: boom" },
    ]);
  });

  it("is part of renderCluster's findings", () => {
    // GIVEN a cluster with the https OCIRepository in an app
    const app = defineApp({
      name: "podinfo",
      namespace: "apps",
      layer: "apps",
      objects: [ociRepository("podinfo", { url: "https://ghcr.io/example/podinfo", tag: "6.9.0" })],
    });
    // WHEN the cluster renders / THEN the schema finding is reported with the cluster's name
    expect(render([app]).findings.map((f) => [f.code, f.path])).toEqual([
      ["SCHEMA", `${AT} › OCIRepository apps/podinfo: spec.url`],
    ]);
  });
});
