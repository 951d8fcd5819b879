import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { defineApp } from "../app.js";
import { renderComponents } from "../testing.js";

function app(name: string, namespaceLabels: Record<string, string>) {
  return defineApp({ name, namespace: "system-upgrade", layer: "controllers", objects: [], namespaceLabels });
}

describe("namespace labels", () => {
  it("merges the labels the apps of a namespace ask for onto the rendered Namespace", () => {
    // GIVEN two apps of one namespace, each asking a label
    const apps = [
      app("controller", { "pod-security.kubernetes.io/enforce": "privileged" }),
      app("plans", { team: "platform" }),
    ];
    // WHEN
    const rendered = renderComponents([{ name: "suc", apps }]);
    // THEN
    expect(rendered.findings).toEqual([]);
    const ns = parse(
      (rendered.files.get("apps/system-upgrade/namespace.yaml") ?? "").split("---\n")[1] ?? "",
    );
    expect(ns.metadata.labels).toEqual({
      "pod-security.kubernetes.io/enforce": "privileged",
      team: "platform",
    });
  });

  it("reports two apps asking different values of one label", () => {
    // GIVEN
    const apps = [
      app("controller", { "pod-security.kubernetes.io/enforce": "privileged" }),
      app("plans", { "pod-security.kubernetes.io/enforce": "baseline" }),
    ];
    // WHEN
    const rendered = renderComponents([{ name: "suc", apps }]);
    // THEN
    expect(rendered.findings).toEqual([
      {
        code: "DUPLICATE_OBJECT",
        path: "test › system-upgrade/plans: namespaceLabels.pod-security.kubernetes.io/enforce",
        message: "apps ask different values of the namespace label pod-security.kubernetes.io/enforce",
        expected: '"privileged", as system-upgrade/controller asks',
        found: '"baseline"',
      },
    ]);
  });
});
