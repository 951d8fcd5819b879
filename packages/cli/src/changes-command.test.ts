import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createWorkspace, type TestWorkspace } from "./test-workspace.js";

/** Two component packages, web and api, each naming its package and version on what it renders. */
function source(options: { webReplicas?: number; webVersion?: string; apiReplicas?: number } = {}): string {
  return `import { defineCluster, helmApp, testSettings } from "@k8s-ops/core";
const chart = (name) => ({ url: \`oci://registry.example.org/charts/\${name}\`, tag: "1.0.0" });
const web = helmApp({ name: "web", namespace: "default", layer: "apps", chart: chart("web"), values: { replicas: ${options.webReplicas ?? 1} } });
const api = helmApp({ name: "api", namespace: "default", layer: "apps", chart: chart("api"), values: { replicas: ${options.apiReplicas ?? 1} } });
export const cluster = defineCluster({ settings: testSettings({ name: "demo" }), components: [
  { name: "web", apps: [web], source: { name: "@acme/web", version: "${options.webVersion ?? "1.0.0"}" } },
  { name: "api", apps: [api], source: { name: "@acme/api", version: "2.0.0" } },
] });
`;
}

const CHANGESET = `---
"@acme/web": minor
---

Run two web replicas.
`;

describe("k8s-ops changes", () => {
  let ws: TestWorkspace;
  beforeEach(() => {
    // GIVEN a repository whose rendered tree is committed on main, with a .changeset folder
    ws = createWorkspace();
    ws.write(".changeset/config.json", "{}\n");
    ws.writeCluster(source());
    expect(ws.run("render").status).toBe(0);
    ws.commitAll("base");
  });
  afterEach(() => ws.remove());

  it("fails, naming the package and the objects, when a component's output changed without a changeset", () => {
    // GIVEN web's output changed and nothing says so
    ws.writeCluster(source({ webReplicas: 2 }));
    // WHEN
    const result = ws.run("changes");
    // THEN
    expect(result.stdout).toBe("@acme/web: 1 object changed (demo); no changeset\n");
    expect(result.stderr).toBe(
      [
        "error CHANGESET_MISSING @acme/web: its rendered output changed without a changeset",
        "  expected: a changeset in .changeset/ naming @acme/web, or a new version of it",
        "  found:    demo › HelmRelease default/web",
        "1 problem found; add a changeset for each.",
        "",
      ].join("\n"),
    );
    expect(result.status).toBe(1);
  });

  it("passes when a pending changeset names the package", () => {
    // GIVEN the same change, with a changeset for @acme/web
    ws.writeCluster(source({ webReplicas: 2 }));
    ws.write(".changeset/two-replicas.md", CHANGESET);
    // WHEN
    const result = ws.run("changes", "--base", "main");
    // THEN
    expect(result.stdout).toBe(
      [
        "@acme/web: 1 object changed (demo); changeset .changeset/two-replicas.md",
        "Every changed component since main has a changeset or a new version.",
        "",
      ].join("\n"),
    );
    expect(result.status).toBe(0);
  });

  it("passes when the package was released: its objects carry a new version", () => {
    // GIVEN `changeset version` consumed the changeset and bumped web to 1.1.0
    ws.writeCluster(source({ webReplicas: 2, webVersion: "1.1.0" }));
    // WHEN / THEN every web object changed (its annotation), and the release covers them
    const result = ws.run("changes");
    expect(result.stdout.split("\n")[0]).toBe("@acme/web: 3 objects changed (demo); released as 1.1.0");
    expect(result.status).toBe(0);
  });

  it("asks for a changeset per package, and ignores what the cluster renders itself", () => {
    // GIVEN web covered, api changed without one, and a cluster-level change (its id, in cluster-settings)
    ws.writeCluster(
      source({ webReplicas: 2, apiReplicas: 3 }).replace(
        'testSettings({ name: "demo" })',
        'testSettings({ name: "demo", id: 12 })',
      ),
    );
    ws.write(".changeset/two-replicas.md", CHANGESET);
    // WHEN
    const result = ws.run("changes");
    // THEN only api is missing one; the changed cluster-settings ConfigMap names no package, so it is not listed
    expect(result.stdout).toBe(
      [
        "@acme/api: 1 object changed (demo); no changeset",
        "@acme/web: 1 object changed (demo); changeset .changeset/two-replicas.md",
        "",
      ].join("\n"),
    );
    expect(result.stderr.split("\n")[0]).toBe(
      "error CHANGESET_MISSING @acme/api: its rendered output changed without a changeset",
    );
    expect(result.status).toBe(1);
  });

  it("says so when nothing changed", () => {
    const result = ws.run("changes");
    expect(result.stdout).toBe(
      "No component's output changed since origin/main.\n".replace("origin/main", "main"),
    );
    expect(result.status).toBe(0);
  });
});
