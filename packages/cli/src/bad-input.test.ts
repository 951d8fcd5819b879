import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWorkspace, demoCluster, type TestWorkspace } from "./test-workspace.js";

const HEADER = `import { appRef, defineApp, defineCluster, helmApp, ociRepository, reference, testSettings } from "@k8s-ops/core";
const chart = { url: "oci://registry.example.org/charts/web", tag: "1.0.0" };
`;

function clusterOf(apps: string): string {
  return `${HEADER}export const cluster = defineCluster({ settings: testSettings({ name: "demo" }), components: [{ name: "bad", apps: [${apps}] }] });\n`;
}

/** Bad inputs: each must fail with its exact message, exit 1, and leave the rendered tree byte-identical. */
const CASES = [
  {
    name: "a dependsOn cycle",
    source: clusterOf(`
      helmApp({ name: "a", namespace: "default", layer: "apps", chart, uses: [appRef({ name: "b", namespace: "default" })] }),
      helmApp({ name: "b", namespace: "default", layer: "apps", chart, uses: [appRef({ name: "a", namespace: "default" })] })`),
    stderr: [
      "error DEPENDS_ON_CYCLE demo › default/a: dependsOn forms a cycle: default/a → default/b → default/a",
      "  expected: an acyclic dependency graph",
      "  found:    a cycle of 2 apps",
    ],
  },
  {
    name: "an unknown storage class",
    source: clusterOf(`
      helmApp({ name: "web", namespace: "default", layer: "apps", chart,
        uses: [reference("StorageClass", { name: "rook-ceph-cluster", namespace: "rook-ceph" }, "ceph-block")] })`),
    stderr: [
      "error REF_UNRESOLVED demo › default/web: uses StorageClass ceph-block, which no app of this cluster provides here",
      "  expected: an app rook-ceph/rook-ceph-cluster in cluster demo",
      "  found:    no such app",
    ],
  },
  {
    name: "a duplicate object",
    source: clusterOf(`
      helmApp({ name: "web", namespace: "default", layer: "apps", chart }),
      defineApp({ name: "web-extra", namespace: "default", layer: "apps", objects: [ociRepository("web", chart)] })`),
    stderr: [
      "error DUPLICATE_OBJECT demo › default/web-extra › OCIRepository default/web: the same object is rendered twice; Flux would apply one over the other",
      "  expected: each (kind, namespace, name) once per cluster",
      "  found:    also rendered by default/web",
    ],
  },
  {
    name: "invalid cluster settings",
    source: `import { defineCluster, testSettings } from "@k8s-ops/core";
export const cluster = defineCluster({ settings: testSettings({ name: "Demo", id: 300 }), components: [] });\n`,
    stderr: [
      "error SETTINGS settings/Demo: name: cluster name is not a valid Cilium cluster name",
      "  expected: ≤ 32 characters matching ^([a-z0-9][-a-z0-9]*)?[a-z0-9]$, not 'default'",
      '  found:    "Demo"',
      "error SETTINGS settings/Demo: id: cluster id is out of range",
      "  expected: an integer in 1..255",
      "  found:    300",
    ],
  },
];

describe("k8s-ops render on bad input", () => {
  let ws: TestWorkspace;
  let rendered: Map<string, string>;
  beforeAll(() => {
    // GIVEN a repository whose tree was rendered from a valid cluster
    ws = createWorkspace();
    ws.writeCluster(demoCluster());
    ws.write("clusters/demo/apps/default/web/app/secret.sops.yaml", "sops: {}\n");
    expect(ws.run("render").status).toBe(0);
    rendered = ws.tree();
  });
  afterAll(() => ws.remove());

  it.each(CASES)("$name: exits 1 with a clear message and leaves the tree as it was", ({ source, stderr }) => {
    // WHEN the source turns bad and it renders
    ws.writeCluster(source);
    const result = ws.run("render");
    // THEN
    const problems = stderr.filter((line) => line.startsWith("error")).length;
    const count = problems === 1 ? "1 problem" : `${problems} problems`;
    expect(result.stderr).toBe(`${[...stderr, `${count} found; nothing was written.`].join("\n")}\n`);
    expect(result.status).toBe(1);
    expect(ws.tree()).toEqual(rendered);
  });

  it("refuses to overwrite a hand-edited generated file", () => {
    // GIVEN a generated file edited by hand
    ws.writeCluster(demoCluster(2));
    ws.write("clusters/demo/apps/default/web/app/helmrelease.yaml", "edited: true\n");
    const before = ws.tree();
    // WHEN
    const result = ws.run("render");
    // THEN
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      "error FILE_EDITED clusters/demo/apps/default/web/app/helmrelease.yaml: a generated file was edited by hand",
    );
    expect(ws.tree()).toEqual(before);
  });
});
