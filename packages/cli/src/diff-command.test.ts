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
    ws.git("init", "-q", "-b", "main");
    ws.git("add", "-A");
    ws.git("commit", "-qm", "base");
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
