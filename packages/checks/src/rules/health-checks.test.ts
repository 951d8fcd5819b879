import { describe, expect, it } from "vitest";
import { entry, ksDoc, lines, viewOfFiles } from "../test-support.js";
import { healthChecks } from "./health-checks.js";

const app = {
  "a/kustomization.yaml": "resources: [./deploy.yaml]\n",
  "a/deploy.yaml": "apiVersion: apps/v1\nkind: Deployment\nmetadata: {name: web}\n",
};

describe("healthChecks", () => {
  it("accepts a health check on an object the Kustomization renders", () => {
    const spec =
      "  targetNamespace: default\n  healthChecks: [{apiVersion: apps/v1, kind: Deployment, name: web, namespace: default}]\n";
    expect(healthChecks(viewOfFiles({ ...entry(ksDoc("a", "a", spec)), ...app }))).toEqual([]);
  });

  it("reports a health check on an object it does not render, and an expression without current", () => {
    // GIVEN
    const spec = [
      "  healthChecks: [{apiVersion: apps/v1, kind: Deployment, name: api, namespace: default}]",
      "  healthCheckExprs: [{apiVersion: cert-manager.io/v1, kind: ClusterIssuer, failed: 'false'}]",
      "",
    ].join("\n");
    // WHEN
    const findings = healthChecks(viewOfFiles({ ...entry(ksDoc("a", "a", spec)), ...app }));
    // THEN
    expect(lines(findings)).toEqual([
      "HEALTH_CHECK demo › flux-system/a: spec.healthChecks.0: the health check names an object this Kustomization does not render",
      "HEALTH_CHECK demo › flux-system/a: spec.healthCheckExprs.0: a healthCheckExpr without current never reports healthy",
      "HEALTH_CHECK demo › flux-system/a: spec.healthCheckExprs.0: the healthCheckExpr's kind is not in the Kustomization's output",
    ]);
    expect(findings[0]?.found).toBe("Deployment default/api (apps/v1)");
  });
});

describe("healthChecks on what a chart creates", () => {
  it("accepts a target in the namespace of a HelmRelease the Kustomization renders", () => {
    // GIVEN a Kustomization rendering a HelmRelease in rook-ceph, checking the CephCluster its chart creates
    const release =
      "apiVersion: helm.toolkit.fluxcd.io/v2\nkind: HelmRelease\nmetadata: {name: rook-ceph-cluster}\n";
    const spec = [
      "  targetNamespace: rook-ceph",
      "  healthChecks: [{apiVersion: ceph.rook.io/v1, kind: CephCluster, name: rook-ceph, namespace: rook-ceph}]",
      "  healthCheckExprs: [{apiVersion: ceph.rook.io/v1, kind: CephCluster, current: status.ceph.health == 'HEALTH_OK'}]",
      "",
    ].join("\n");
    const files = {
      ...entry(ksDoc("a", "a", spec)),
      "a/kustomization.yaml": "resources: [./hr.yaml]\n",
      "a/hr.yaml": release,
    };
    // WHEN / THEN
    expect(healthChecks(viewOfFiles(files))).toEqual([]);
  });
});
