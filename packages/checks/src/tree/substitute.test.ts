import { describe, expect, it } from "vitest";
import { applyPatches } from "./patches.js";
import { hasVariables, substituteJson } from "./substitute.js";

describe("substituteJson", () => {
  it("substitutes defined names and defaults, keeps $${…} literal and names it cannot resolve", () => {
    // GIVEN
    const values = new Map<string, string | undefined>([
      ["CLUSTER", "apps"],
      ["TOKEN", undefined],
    ]);
    const json = {
      a: "${CLUSTER}-x",
      b: "${MISSING:=fallback}",
      c: "$${CLUSTER}",
      d: "${TOKEN}",
      e: ["${NOPE}"],
    };
    // WHEN
    const result = substituteJson(json, values);
    // THEN
    expect(result.json).toEqual({
      a: "apps-x",
      b: "fallback",
      c: "${CLUSTER}",
      d: "${TOKEN}",
      e: ["${NOPE}"],
    });
    expect(result.problems).toEqual([{ field: "e.0", raw: "${NOPE}", name: "NOPE" }]);
    expect([hasVariables(json), hasVariables({ c: "$${X}" })]).toEqual([true, false]);
  });
});

describe("applyPatches", () => {
  it("merges a strategic-merge patch into the documents its target selects", () => {
    const doc = (kind: string, name: string) => ({
      file: "f.yaml",
      index: 0,
      json: {
        apiVersion: "helm.toolkit.fluxcd.io/v2",
        kind,
        metadata: { name },
        spec: { interval: "1h", keep: true },
      },
    });
    const patch =
      "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata: {name: _}\nspec: {interval: 5m, install: {crds: CreateReplace}, keep: null}\n";
    const [hit, miss] = applyPatches(
      [doc("HelmRelease", "web"), doc("Other", "x")],
      [{ patch, target: { group: "helm.toolkit.fluxcd.io", kind: "HelmRelease" } }],
    );
    expect(hit?.json).toEqual({
      apiVersion: "helm.toolkit.fluxcd.io/v2",
      kind: "HelmRelease",
      metadata: { name: "web" },
      spec: { interval: "5m", install: { crds: "CreateReplace" } },
    });
    expect(miss?.json.spec).toEqual({ interval: "1h", keep: true });
  });
});
