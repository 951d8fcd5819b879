import { readFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createWorkspace, type TestWorkspace } from "./test-workspace.js";

/** An operator and a web app that uses it; `operatorReplicas` and `extra` apps vary between revisions. */
function source(options: { webReplicas?: number; operatorReplicas?: number; extra?: string } = {}): string {
  return `import { appRef, defineCluster, helmApp, testSettings } from "@k8s-ops/core";
const chart = (name) => ({ url: \`oci://registry.example.org/charts/\${name}\`, tag: "1.0.0" });
const operator = helmApp({ name: "operator", namespace: "ops", layer: "controllers", chart: chart("operator"), wait: true, values: { replicas: ${options.operatorReplicas ?? 1} } });
const web = helmApp({ name: "web", namespace: "default", layer: "apps", chart: chart("web"), values: { replicas: ${options.webReplicas ?? 1} }, uses: [appRef(operator)] });
export const cluster = defineCluster({ settings: testSettings({ name: "demo" }), components: [{ name: "x", apps: [operator, web${options.extra ?? ""}] }] });
`;
}

const API = ', helmApp({ name: "api", namespace: "default", layer: "apps", chart: chart("api") })';

describe("k8s-ops diff", () => {
  let ws: TestWorkspace;
  beforeEach(() => {
    // GIVEN a repository whose rendered tree is committed on main
    ws = createWorkspace();
    ws.writeCluster(source());
    expect(ws.run("render").status).toBe(0);
    ws.commitAll("base");
  });
  afterEach(() => ws.remove());

  it("prints added, removed and changed objects by Kustomization, with a YAML diff and the blast radius", () => {
    // GIVEN a source change not yet rendered: web scaled, an app added
    ws.writeCluster(source({ webReplicas: 2, extra: API }));
    // WHEN
    const result = ws.run("diff");
    // THEN
    expect(result.status).toBe(0);
    expect(result.stdout).toBe(
      [
        "demo",
        "  default/api",
        "    + HelmRelease default/api",
        "    + OCIRepository default/api",
        "  default/web",
        "    ~ HelmRelease default/web",
        "        @@ -24,4 +24,4 @@",
        "             strategy:",
        "               name: RemediateOnFailure",
        "           values:",
        "        -    replicas: 1",
        "        +    replicas: 2",
        "  flux-system/cluster-apps",
        "    + Kustomization default/api",
        "blast radius demo: 4 objects (+3 ~1 -0) in 3 Kustomizations (default/api, default/web, flux-system/cluster-apps); nothing depends on them; Helm installs default/api; Helm upgrades default/web",
        "",
      ].join("\n"),
    );
  });

  it("names what reconciles after a changed dependency, in Markdown for a pull request", () => {
    ws.writeCluster(source({ operatorReplicas: 3 }));
    const result = ws.run("diff", "--format", "markdown");
    expect(result.stdout).toBe(
      [
        "## k8s-ops diff against `main`",
        "",
        "### `demo`",
        "",
        "**Blast radius:** demo: 1 object (+0 ~1 -0) in 1 Kustomization (ops/operator); 1 more reconcile after them (default/web); Helm upgrades ops/operator",
        "",
        "#### Kustomization `ops/operator`",
        "",
        "- changed `HelmRelease ops/operator`",
        "",
        "  ```diff",
        "  @@ -24,4 +24,4 @@",
        "       strategy:",
        "         name: RemediateOnFailure",
        "     values:",
        "  -    replicas: 1",
        "  +    replicas: 3",
        "  ```",
        "",
        "",
      ].join("\n"),
    );
  });

  it("compares with the revision given, and says when there is no change", () => {
    ws.writeCluster(source({ webReplicas: 2 }));
    expect(ws.run("render").status).toBe(0);
    ws.git("commit", "-qam", "scale web");
    expect(ws.run("diff").stdout).toBe("demo\n  no changes\nblast radius demo: no changes\n");
    expect(ws.run("diff", "--base", "HEAD~1").stdout).toContain("        +    replicas: 2\n");
  });

  it("compares with the tree committed at the base as it is, warning when it does not match its manifest", () => {
    // GIVEN a base commit whose generated release was edited by hand, and a working tree with web scaled
    const release = "clusters/demo/apps/default/web/app/helmrelease.yaml";
    const committed = readFileSync(join(ws.root, release), "utf8");
    ws.write(release, committed.replace("replicas: 1", "replicas: 5"));
    ws.git("commit", "-qam", "edit the release by hand");
    ws.writeCluster(source({ webReplicas: 2 }));
    // WHEN
    const result = ws.run("diff", "--base", "HEAD");
    // THEN the base side is the edited file, as committed, and stderr says it is not what a render gave
    expect(result.stdout).toContain("        -    replicas: 5\n        +    replicas: 2\n");
    expect(result.stderr).toBe(
      [
        "warning TREE_DRIFT clusters/demo at HEAD: the tree committed at HEAD does not match its manifest, so it may not be a render of HEAD; it is compared as committed",
        "  expected: every file the manifest lists, with the content it hashed",
        "  found:    apps/default/web/app/helmrelease.yaml (changed)",
        "  hint:     render and commit the tree at HEAD (CI's render --check keeps every commit's tree equal to a fresh render)",
        "",
      ].join("\n"),
    );
    expect(result.status).toBe(0);
    // AND a base whose tree matches its manifest gives no warning
    expect(ws.run("diff", "--base", "HEAD~1").stderr).toBe("");
  });

  it("says in its help that the base side is the committed tree", () => {
    expect(ws.run("diff", "--help").stdout).toContain(
      "The base side is the rendered tree committed at the revision, read from git as it is, not a render of the\nrevision's source",
    );
  });

  it("refuses a revision that does not exist, and a working tree that does not render", () => {
    const unknown = ws.run("diff", "--base", "nope");
    expect([unknown.status, unknown.stderr]).toEqual([2, "error: no revision 'nope' in this repository\n"]);
    ws.writeCluster(
      source().replace("uses: [appRef(operator)]", 'uses: [appRef({ name: "ghost", namespace: "ops" })]'),
    );
    const broken = ws.run("diff");
    expect(broken.status).toBe(1);
    expect(broken.stderr.split("\n").at(-2)).toBe(
      "1 problem found; the working tree does not render, so there is nothing to compare.",
    );
  });
});
