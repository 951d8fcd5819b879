import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createWorkspace, RAW_HELPER, type TestWorkspace } from "./test-workspace.js";

const HEADER = `import { appRef, defineApp, defineCluster, helmApp, testSettings } from "@k8s-ops/core";
${RAW_HELPER}const chart = (name) => ({ url: \`oci://registry.example.org/charts/\${name}\`, tag: "1.0.0" });
`;

/** An operator in the controllers layer and a web app that uses it. */
const TWO_LAYERS = `${HEADER}const operator = helmApp({ name: "operator", namespace: "ops", layer: "controllers", chart: chart("operator"), wait: true });
const web = helmApp({ name: "web", namespace: "default", layer: "apps", chart: chart("web"), uses: [appRef(operator)] });
export const cluster = defineCluster({ settings: testSettings({ name: "demo" }), components: [{ name: "x", apps: [operator, web] }] });
`;

/** A cycle, a reference to an app the cluster lacks, and a kind no app installs. */
const BROKEN = `${HEADER}const a = helmApp({ name: "a", namespace: "default", layer: "apps", chart: chart("a"), uses: [appRef({ name: "b", namespace: "default" }), appRef({ name: "db", namespace: "data" })] });
const b = helmApp({ name: "b", namespace: "default", layer: "apps", chart: chart("b"), uses: [appRef({ name: "a", namespace: "default" })] });
const w = defineApp({ name: "w", namespace: "default", layer: "apps", objects: [raw({ apiVersion: "example.io/v1", kind: "Widget", metadata: { name: "w" } })] });
export const cluster = defineCluster({ settings: testSettings({ name: "demo" }), components: [{ name: "x", apps: [a, b, w] }] });
`;

describe("k8s-ops graph", () => {
  let ws: TestWorkspace;
  beforeEach(() => {
    ws = createWorkspace();
  });
  afterEach(() => ws.remove());

  it("draws the dependency graph as Mermaid, a subgraph per layer", () => {
    ws.writeCluster(TWO_LAYERS);
    const result = ws.run("graph");
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      [
        "flowchart LR",
        "  %% demo: arrows go from a dependency to the apps that depend on it",
        '  subgraph controllers["controllers"]',
        '    n0["ops/operator"]',
        "  end",
        '  subgraph apps["apps"]',
        '    n1["default/web"]',
        "  end",
        "  n0 --> n1",
        "",
      ].join("\n"),
    );
  });

  it("draws DOT, and SVG laid out offline by Graphviz in WebAssembly", () => {
    ws.writeCluster(TWO_LAYERS);
    const dot = ws.run("graph", "--format", "dot");
    expect(dot.stdout).toBe(
      [
        'digraph "demo" {',
        "  rankdir=LR;",
        '  node [shape=box, style=rounded, fontname="Helvetica"];',
        '  edge [fontname="Helvetica", fontsize=10];',
        '  subgraph "cluster_controllers" {',
        '    label="controllers";',
        '    n0 [label="ops/operator"];',
        "  }",
        '  subgraph "cluster_apps" {',
        '    label="apps";',
        '    n1 [label="default/web"];',
        "  }",
        "  n0 -> n1;",
        "}",
        "",
      ].join("\n"),
    );
    const svg = ws.runWith(
      { env: { HTTP_PROXY: "http://127.0.0.1:9", HTTPS_PROXY: "http://127.0.0.1:9" } },
      "graph",
      "--format",
      "svg",
    );
    expect(svg.status).toBe(0);
    expect(svg.stdout).toMatch(/^<\?xml version="1.0" encoding="UTF-8" standalone="no"\?>\n/);
    expect(svg.stdout).toContain("<title>cluster_controllers</title>");
    expect(svg.stdout).toContain(">ops/operator</text>");
    expect(svg.stdout.trimEnd().endsWith("</svg>")).toBe(true);
  });

  it("draws a broken graph, its cycle and missing targets in red", () => {
    // GIVEN a cluster that does not render (a cycle, an unknown app, a kind nobody installs)
    ws.writeCluster(BROKEN);
    // WHEN
    const result = ws.run("graph");
    // THEN it is drawn anyway, problems in red, and the exit code says the drawing worked
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("4 problems drawn in red; k8s-ops check lists them\n");
    expect(result.stdout).toBe(
      [
        "flowchart LR",
        "  %% demo: arrows go from a dependency to the apps that depend on it",
        '  subgraph apps["apps"]',
        '    n0["default/a"]',
        '    n1["default/b"]',
        '    n2["default/w"]',
        "  end",
        '  subgraph missing["missing"]',
        '    n3["CRD example.io/Widget (no app installs it)"]',
        '    n4["data/db (missing)"]',
        "  end",
        "  n1 -->|cycle| n0",
        "  n0 -->|cycle| n1",
        "  n4 -.->|missing| n0",
        "  n3 -.->|missing| n2",
        "  classDef missing stroke:#d00000,color:#d00000,stroke-dasharray:4",
        "  class n3,n4 missing",
        "  linkStyle 0,1,2,3 stroke:#d00000,stroke-width:2px,color:#d00000",
        "",
      ].join("\n"),
    );
    expect(ws.run("graph", "--format", "dot").stdout).toContain(
      '  n1 -> n0 [color="#d00000", fontcolor="#d00000", penwidth=2, label="cycle"];\n',
    );
  });

  it("asks which cluster when there are several", () => {
    ws.writeCluster(TWO_LAYERS);
    ws.writeCluster(TWO_LAYERS.replace('name: "demo"', 'name: "other"'), "other");
    const result = ws.run("graph");
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("error: several clusters: choose one with --cluster (demo, other)\n");
    expect(ws.run("graph", "--cluster", "other").stdout).toContain("%% other:");
  });
});
