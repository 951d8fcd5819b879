import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { createWorkspace, demoCluster, type TestWorkspace } from "./test-workspace.js";

const SECRET = "apps/default/web/app/secret.sops.yaml";
const ENCRYPTED = "apiVersion: v1\nkind: Secret\nsops:\n  mac: ENC[AES256_GCM,data:abc]\n";

describe("k8s-ops render", () => {
  let ws: TestWorkspace;
  beforeEach(() => {
    // GIVEN a repository with one valid cluster and its hand-written, encrypted secret
    ws = createWorkspace();
    ws.writeCluster(demoCluster());
    ws.write(`clusters/demo/${SECRET}`, ENCRYPTED);
  });
  afterEach(() => ws.remove());

  it("renders the community layout and prints a summary", () => {
    // WHEN
    const result = ws.run("render");
    // THEN
    expect(result.stderr).toBe("");
    expect(result.status).toBe(0);
    expect(result.stdout).toMatch(
      /^demo {5}1 app, 6 objects, 12 files \(\+12 ~0 -0\) in \d+ ms → clusters\/demo\n$/,
    );
    expect([...ws.tree().keys()].sort()).toEqual([
      ".k8s-ops/manifest.json",
      "README.md",
      "apps/default/kustomization.yaml",
      "apps/default/namespace.yaml",
      "apps/default/web/app/helmrelease.yaml",
      "apps/default/web/app/kustomization.yaml",
      "apps/default/web/app/ocirepository.yaml",
      SECRET,
      "apps/default/web/ks.yaml",
      "apps/kustomization.yaml",
      "components/cluster-settings/configmap.yaml",
      "components/cluster-settings/kustomization.yaml",
      "flux/ks.yaml",
      "flux/kustomization.yaml",
    ]);
  });

  it("gives the same bytes every time and never touches hand-written files", () => {
    // GIVEN a rendered tree with a hand-written note in a rendered folder
    ws.run("render");
    ws.write("clusters/demo/apps/default/web/app/NOTES.md", "hand-written\n");
    const before = ws.tree();
    // WHEN it renders again
    const result = ws.run("render");
    // THEN nothing changed, the note and the secret included
    expect(result.stdout).toContain("(+0 ~0 -0)");
    expect(ws.tree()).toEqual(before);
    expect(ws.tree().get(SECRET)).toBe(ENCRYPTED);
  });

  it("--check passes on a fresh tree and lists what differs after a change, writing nothing", () => {
    ws.run("render");
    expect(ws.run("render", "--check").status).toBe(0);
    // GIVEN a source change not yet rendered
    ws.writeCluster(demoCluster(3));
    const before = ws.tree();
    // WHEN
    const result = ws.run("render", "--check");
    // THEN
    expect(result.status).toBe(1);
    expect(result.stderr).toBe(
      "differs   clusters/demo/apps/default/web/app/helmrelease.yaml\n" +
        "the committed tree differs from a fresh render; run 'pnpm render' and commit the result\n",
    );
    expect(ws.tree()).toEqual(before);
  });

  it("rejects an unknown cluster name as bad usage", () => {
    const result = ws.run("render", "--cluster", "prod");
    expect(result.status).toBe(2);
    expect(result.stderr).toBe("error: no cluster 'prod': expected one of demo\n");
  });
});
