import { describe, expect, it } from "vitest";
import { entry, ksDoc, lines, viewOfFiles } from "../test-support.js";
import { namespaces } from "./namespaces.js";

describe("namespaces", () => {
  it("reports a targetNamespace no Namespace creates, once, and a namespace Flux could prune", () => {
    // GIVEN a Kustomization into 'shop' (not rendered) and a Namespace without the prune annotation
    const files = {
      ...entry(ksDoc("a", "a", "  targetNamespace: shop\n")),
      "a/kustomization.yaml": "resources: [./cm.yaml, ./ns.yaml]\n",
      "a/cm.yaml": "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\n",
      "a/ns.yaml": "apiVersion: v1\nkind: Namespace\nmetadata: {name: other}\n",
    };
    // WHEN
    const findings = namespaces(viewOfFiles(files));
    // THEN
    expect(lines(findings)).toEqual([
      "NAMESPACE_MISSING demo › flux-system/a: spec.targetNamespace: namespace shop is not rendered by this cluster",
      "FLUX_FIELD demo › flux-system/a › Namespace other: metadata.annotations.kustomize.toolkit.fluxcd.io/prune: Flux would delete the namespace, and everything in it, when its app goes away",
    ]);
  });

  it("takes the namespaces every cluster has for granted", () => {
    const files = {
      ...entry(ksDoc("a", "a", "  targetNamespace: kube-system\n")),
      "a/kustomization.yaml": "resources: []\n",
    };
    expect(namespaces(viewOfFiles(files))).toEqual([]);
  });
});
