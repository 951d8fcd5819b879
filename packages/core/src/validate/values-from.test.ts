import { ExternalSecret } from "@kubernetes-models/external-secrets/external-secrets.io/v1/ExternalSecret";
import { describe, expect, it } from "vitest";
import { helmApp } from "../helm.js";
import { CHART, configMap } from "../test-fixtures.js";
import { validateApps } from "./index.js";

function release(
  valuesFrom: Parameters<typeof helmApp>[0]["valuesFrom"],
  objects: Parameters<typeof helmApp>[0]["objects"] = [],
) {
  return helmApp({
    name: "cilium",
    namespace: "kube-system",
    layer: "controllers",
    chart: CHART,
    valuesFrom,
    objects,
  });
}

describe("valuesFrom", () => {
  it("resolves to a rendered ConfigMap and to the target of an ExternalSecret", () => {
    // GIVEN a release reading a ConfigMap and a Secret an ExternalSecret writes
    const secret = new ExternalSecret({
      metadata: { name: "cilium-ca" },
      spec: {
        secretStoreRef: { kind: "ClusterSecretStore", name: "store" },
        target: { name: "cilium-ca-values" },
      },
    });
    const app = release(
      [
        { kind: "ConfigMap", name: "settings" },
        { kind: "Secret", name: "cilium-ca-values", valuesKey: "ca.crt", targetPath: "tls.ca.cert" },
      ],
      [configMap("settings"), secret],
    );
    // WHEN / THEN
    expect(
      validateApps({ cluster: "test", apps: [app], variables: new Set() }).filter(
        (f) => f.code === "SOURCE_UNRESOLVED",
      ),
    ).toEqual([]);
  });

  it("reports a reference to nothing unless it is optional", () => {
    // GIVEN a release reading a missing Secret, and an optional missing ConfigMap
    const app = release([
      { kind: "Secret", name: "missing" },
      { kind: "ConfigMap", name: "maybe", optional: true },
    ]);
    // WHEN
    const findings = validateApps({ cluster: "test", apps: [app], variables: new Set() });
    // THEN
    expect(findings).toEqual([
      {
        code: "SOURCE_UNRESOLVED",
        path: "test › kube-system/cilium › HelmRelease kube-system/cilium: spec.valuesFrom.0",
        message: "valuesFrom names nothing the release's namespace holds",
        expected: "a Secret kube-system/missing rendered or written by an ExternalSecret, or optional: true",
        found: "none",
      },
    ]);
  });
});
