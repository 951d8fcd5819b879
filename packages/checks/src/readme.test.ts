import { describe, expect, it } from "vitest";

describe("the README's example", () => {
  it("runs as written", async () => {
    // GIVEN / WHEN: the example of README.md, verbatim
    const { helmApp, renderComponents, testSettings } = await import("@k8s-ops/core");
    const { runChecks } = await import("./index.js");

    const settings = testSettings({ name: "demo" });
    const web = helmApp({
      name: "web",
      namespace: "default",
      layer: "apps",
      chart: { url: "oci://registry.example.org/charts/web", tag: "1.0.0" },
      values: { image: { repository: "ghcr.io/example/web", tag: "latest" } },
    });
    const rendered = renderComponents([{ name: "web", apps: [web] }], settings);
    const report = runChecks(
      [{ name: "demo", root: "clusters/demo", settings, files: rendered.files, apps: [web] }],
      {
        groups: ["graph", "references", "hygiene", "crd-rules", "cross-cluster"],
      },
    );
    for (const finding of report.findings)
      console.log(`${finding.severity} ${finding.code} ${finding.path}: ${finding.message}`);
    // error IMAGE_UNPINNED demo › default/web › HelmRelease default/web: spec.values.image.tag: the image tag is latest

    // THEN
    expect(report.findings.map((f) => `${f.severity} ${f.code} ${f.path}: ${f.message}`)).toEqual([
      "error IMAGE_UNPINNED demo › default/web › HelmRelease default/web: spec.values.image.tag: the image tag is latest",
    ]);
  });
});
