import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseAllDocuments } from "yaml";
import { defineApp } from "./app.js";
import { helmApp } from "./helm.js";
import { PROVENANCE_ANNOTATION, packageOf, parseProvenance } from "./provenance.js";
import { renderCluster } from "./render.js";
import { CHART, configMap, ROOT } from "./test-fixtures.js";
import { renderComponents, testSettings } from "./testing.js";

const CORE = JSON.parse(readFileSync(new URL("../package.json", import.meta.url), "utf8")) as {
  version: string;
};
const SOURCE = { name: "@k8s-ops/podinfo", version: "1.4.0" };

const podinfo = helmApp({ name: "podinfo", namespace: "apps", layer: "apps", chart: CHART });
const config = defineApp({
  name: "podinfo-config",
  namespace: "apps",
  layer: "apps",
  folder: "podinfo",
  dir: "config",
  objects: [configMap("podinfo-extra", {}, { "reloader.stakater.com/match": "true" })],
});
const component = { name: "podinfo", apps: [podinfo, config], source: SOURCE };

function annotations(files: ReadonlyMap<string, string>, path: string): unknown[] {
  return parseAllDocuments(files.get(path) ?? "").map(
    (doc) => (doc.toJS() as { metadata?: { annotations?: unknown } }).metadata?.annotations,
  );
}

describe("provenance", () => {
  it("finds the package a module belongs to", () => {
    // GIVEN this test module  WHEN its package is looked up  THEN it is core, at its current version
    expect(packageOf(import.meta.url)).toEqual({ name: "@k8s-ops/core", version: CORE.version });
  });

  it("annotates every object of a component, and its Kustomizations, with the package and version", () => {
    // GIVEN a component that names its package  WHEN the cluster renders
    const { files } = renderCluster({ settings: testSettings(), components: [component] }, { root: ROOT });
    // THEN the release, its source, the stage's ConfigMap (keeping its own annotation) and both ks docs say so
    const value = { [PROVENANCE_ANNOTATION]: "@k8s-ops/podinfo@1.4.0" };
    expect(annotations(files, "apps/apps/podinfo/app/helmrelease.yaml")).toEqual([value]);
    expect(annotations(files, "apps/apps/podinfo/app/ocirepository.yaml")).toEqual([value]);
    expect(annotations(files, "apps/apps/podinfo/config/configmap.yaml")).toEqual([
      { "reloader.stakater.com/match": "true", ...value },
    ]);
    expect(annotations(files, "apps/apps/podinfo/ks.yaml")).toEqual([value, value]);
    // AND what the cluster owns (its namespaces, its entry) carries none
    expect(annotations(files, "apps/apps/namespace.yaml")).toEqual([
      { "kustomize.toolkit.fluxcd.io/prune": "disabled" },
    ]);
  });

  it("leaves component snapshots free of it, so a release does not change them", () => {
    // GIVEN the same component  WHEN rendered for a snapshot  THEN no object is annotated
    const { files } = renderComponents([component]);
    expect(files.get("apps/apps/podinfo/app/helmrelease.yaml")).not.toContain(PROVENANCE_ANNOTATION);
  });

  it("reads an annotation back, scoped names included", () => {
    expect(parseProvenance("@k8s-ops/podinfo@1.4.0")).toEqual(SOURCE);
    expect(parseProvenance("plain@2.0.0")).toEqual({ name: "plain", version: "2.0.0" });
    expect(parseProvenance("no-version")).toBeUndefined();
    expect(parseProvenance(undefined)).toBeUndefined();
  });
});
