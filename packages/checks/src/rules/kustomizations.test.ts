import { describe, expect, it } from "vitest";
import { entry, ksDoc, lines, viewOfFiles } from "../test-support.js";
import { ancestors, dependsOnGraph, kustomizationFields } from "./kustomizations.js";

const app = { "a/kustomization.yaml": "resources: []\n" };

describe("kustomizationFields", () => {
  it("reports missing fields and a sourceRef to no source", () => {
    // GIVEN a Kustomization without interval and prune, pointing at a GitRepository nobody renders
    const bare =
      "---\napiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata: {name: bare, namespace: flux-system}\nspec:\n  path: ./clusters/demo/a\n  sourceRef: {kind: GitRepository, name: other}\n";
    const cluster = viewOfFiles({ ...entry(bare), ...app });
    // WHEN
    const findings = kustomizationFields(cluster);
    // THEN
    expect(lines(findings)).toEqual([
      "FLUX_FIELD demo › flux-system/bare: spec.interval: a Flux Kustomization field is missing",
      "FLUX_FIELD demo › flux-system/bare: spec.prune: a Flux Kustomization field is missing",
      "SOURCE_UNRESOLVED demo › flux-system/bare: spec.sourceRef: sourceRef names no source of this cluster",
    ]);
    expect(findings[2]?.found).toBe("GitRepository flux-system/other");
  });

  it("accepts the FluxInstance's GitRepository", () => {
    expect(kustomizationFields(viewOfFiles({ ...entry(ksDoc("ok", "a")), ...app }))).toEqual([]);
  });
});

describe("dependsOnGraph", () => {
  it("reports a dependency the cluster does not render", () => {
    const cluster = viewOfFiles({ ...entry(ksDoc("a", "a", "  dependsOn: [{name: ghost}]\n")), ...app });
    expect(lines(dependsOnGraph(cluster))).toEqual([
      "DEPENDS_ON_MISSING demo › flux-system/a: spec.dependsOn: depends on flux-system/ghost, which the cluster does not render",
    ]);
  });

  it("names a cycle in full, once", () => {
    const docs =
      ksDoc("a", "a", "  dependsOn: [{name: b}]\n") + ksDoc("b", "a", "  dependsOn: [{name: a}]\n");
    const findings = dependsOnGraph(viewOfFiles({ ...entry(docs), ...app }));
    expect(lines(findings)).toEqual([
      "DEPENDS_ON_CYCLE demo › flux-system/a: dependsOn forms a cycle: flux-system/a → flux-system/b → flux-system/a",
    ]);
    expect(findings[0]?.found).toBe("a cycle of 2 apps");
  });

  it("follows dependencies transitively", () => {
    const docs =
      ksDoc("a", "a", "  dependsOn: [{name: b}]\n") +
      ksDoc("b", "a", "  dependsOn: [{name: c}]\n") +
      ksDoc("c", "a");
    expect([...ancestors(viewOfFiles({ ...entry(docs), ...app }), "flux-system/a")].sort()).toEqual([
      "flux-system/b",
      "flux-system/c",
    ]);
  });
});
