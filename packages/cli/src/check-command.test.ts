import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { compliantCluster, createWorkspace, type TestWorkspace } from "./test-workspace.js";

/** Timings vary; everything else is exact. */
function stable(text: string): string {
  return text.replace(/in \d+ ms/g, "in N ms");
}

const BAD_APP = `defineApp({ name: "api", namespace: "shop", layer: "apps", objects: [raw({ apiVersion: "v1", kind: "Secret", metadata: { name: "token" }, stringData: { token: "hunter2" } })] })`;

describe("k8s-ops check", () => {
  let ws: TestWorkspace;
  beforeEach(() => {
    // GIVEN a repository whose cluster passes every check, rendered and committed
    ws = createWorkspace();
    ws.writeCluster(compliantCluster());
    expect(ws.run("render").status).toBe(0);
  });
  afterEach(() => ws.remove());

  it("passes a compliant cluster, saying what it could not check", () => {
    // WHEN
    const result = ws.run("check", "--skip-kustomize");
    // THEN
    expect(result.status).toBe(0);
    expect(result.stderr).toBe("");
    expect(stable(result.stdout)).toBe(
      [
        "demo",
        "  (kubectl kustomize)",
        "    notice KUSTOMIZE_NOT_RUN kustomize build skipped (--skip-kustomize): 6 folders not built",
        "      hint:     run without --skip-kustomize to build them",
        "demo: 1 notice · cross-cluster: no problems",
        "CRD validation rules: 3 evaluated, 0 skipped (oldSelf), 0 not evaluable · kubectl kustomize: 0 built, 0 failed, 6 not built",
        "1 notice in N ms",
        "",
      ].join("\n"),
    );
  });

  it("builds every rendered folder with kubectl kustomize, or says it could not", (context) => {
    const withKubectl = ws.run("check");
    if (withKubectl.stdout.includes("kubectl not found")) {
      console.warn("kubectl not found: the kustomize build is not exercised here");
      context.skip();
    }
    expect(withKubectl.status).toBe(0);
    expect(withKubectl.stdout).toContain("kubectl kustomize: 6 built, 0 failed, 0 not built");
    // WHEN kubectl is not on the PATH
    const without = ws.runWith({ env: { PATH: "/nonexistent" } }, "check");
    // THEN it is reported, not silently skipped
    expect(without.status).toBe(0);
    expect(without.stdout).toContain("    notice KUSTOMIZE_NOT_RUN kubectl not found: 6 folders not built\n");
  });

  it("reports every problem at once, grouped by cluster, Kustomization and object", () => {
    // GIVEN an image on latest and a plaintext Secret, rendered as they are (check reads the fresh render)
    ws.writeCluster(
      compliantCluster({
        values: '{ image: { repository: "ghcr.io/example/web", tag: "latest" } }',
        extraApps: BAD_APP,
      }),
    );
    // WHEN
    const result = ws.run("check", "--skip-kustomize");
    // THEN
    expect(result.status).toBe(1);
    expect(stable(result.stdout)).toBe(
      [
        "demo",
        "  (files)",
        "    warning TREE_DRIFT 8 committed files differ from a fresh render",
        "      expected: the committed tree equal to a fresh render",
        "      found:    apps/shop/api/app/kustomization.yaml, apps/shop/api/app/secret.yaml, apps/shop/api/ks.yaml, and 5 more",
        "      hint:     run 'pnpm render' and commit the result",
        "  (kubectl kustomize)",
        "    notice KUSTOMIZE_NOT_RUN kustomize build skipped (--skip-kustomize): 8 folders not built",
        "      hint:     run without --skip-kustomize to build them",
        "  default/web",
        "    HelmRelease default/web",
        "      error IMAGE_UNPINNED spec.values.image.tag: the image tag is latest",
        "        expected: an exact tag (and digest where known), not latest",
        "        found:    ghcr.io/example/web:latest",
        "        hint:     pin the image to an exact tag (and digest where known)",
        "  shop/api",
        "    Secret shop/token",
        "      error PLAINTEXT_SECRET a Secret with data is in git unencrypted",
        "        expected: an ExternalSecret, or a *.sops.yaml file encrypted with sops",
        "        found:    plaintext in clusters/demo/apps/shop/api/app/secret.yaml",
        "        hint:     use an ExternalSecret, or encrypt the file with sops as *.sops.yaml",
        "demo: 2 errors, 1 warning, 1 notice · cross-cluster: no problems",
        "CRD validation rules: 3 evaluated, 0 skipped (oldSelf), 0 not evaluable · kubectl kustomize: 0 built, 0 failed, 8 not built",
        "2 errors, 1 warning, 1 notice in N ms",
        "",
      ].join("\n"),
    );
  });

  it("prints the same report as JSON for CI", () => {
    ws.writeCluster(compliantCluster({ values: '{ image: "nginx" }' }));
    const result = ws.run("check", "--json", "--skip-kustomize");
    expect(result.status).toBe(1);
    const report = JSON.parse(result.stdout) as {
      ok: boolean;
      clusters: string[];
      summary: unknown;
      findings: Record<string, unknown>[];
    };
    expect([report.ok, report.clusters, report.summary]).toEqual([
      false,
      ["demo"],
      { errors: 1, warnings: 1, notices: 1 },
    ]);
    expect(report.findings.find((f) => f.severity === "error")).toEqual({
      cluster: "demo",
      kustomization: "default/web",
      object: "HelmRelease default/web",
      field: "spec.values.image",
      code: "IMAGE_UNPINNED",
      severity: "error",
      path: "demo › default/web › HelmRelease default/web: spec.values.image",
      message: "the image has no tag",
      expected: "an exact tag (and digest where known), not latest",
      found: "nginx",
      hint: "pin the image to an exact tag (and digest where known)",
    });
  });

  it("checks every cluster and the invariants across them", () => {
    // GIVEN a second cluster with the first one's id and pod range
    ws.writeCluster(
      compliantCluster({
        name: "other",
        settings:
          'id: 9, network: { nodeCidr: "192.168.0.0/24", podCidr: "10.100.0.0/16", serviceCidr: "10.102.0.0/16", loadBalancerCidr: "192.168.0.160/27" }, nodes: [{ name: "other-1", address: "192.168.0.12" }]',
      }),
      "other",
    );
    // WHEN
    const result = ws.run("check", "--skip-kustomize");
    // THEN
    expect(result.status).toBe(1);
    const out = stable(result.stdout).split("\n");
    expect(out.slice(out.indexOf("cross-cluster"))).toEqual([
      "cross-cluster",
      "  clusters/demo, clusters/other",
      "    error CLUSTER_INVARIANT settings.id: clusters share the id 9",
      "      expected: each cluster with its own id",
      "      found:    9 in clusters/demo and clusters/other",
      "      hint:     change the settings of one of the clusters so they agree again",
      "  demo, other",
      "    error CLUSTER_INVARIANT network.podCidr / network.podCidr: demo's podCidr overlaps other's podCidr",
      "      expected: disjoint ranges",
      "      found:    10.100.0.0/16 and 10.100.0.0/16",
      "      hint:     change the settings of one of the clusters so they agree again",
      "demo: 1 notice · other: 1 warning, 1 notice · cross-cluster: 2 errors",
      "CRD validation rules: 6 evaluated, 0 skipped (oldSelf), 0 not evaluable · kubectl kustomize: 0 built, 0 failed, 12 not built",
      "2 errors, 1 warning, 2 notices in N ms",
      "",
    ]);
  });
});
