import { defineApp, helmApp, reference } from "@k8s-ops/core";
import { describe, expect, it } from "vitest";
import { inputOf, lines, raw, viewOf } from "../test-support.js";
import { stringReferences } from "./references.js";

const chart = { url: "oci://r.example.org/c/app", tag: "1.0.0" };
const storage = defineApp({
  name: "storage",
  namespace: "storage",
  layer: "config",
  objects: [
    raw({
      apiVersion: "storage.k8s.io/v1",
      kind: "StorageClass",
      metadata: { name: "fast" },
      provisioner: "x",
    }),
  ],
});
const pvc = (storageClassName: string) =>
  raw({
    apiVersion: "v1",
    kind: "PersistentVolumeClaim",
    metadata: { name: "data" },
    spec: { storageClassName, accessModes: ["ReadWriteOnce"], resources: { requests: { storage: "1Gi" } } },
  });

describe("stringReferences", () => {
  it("accepts a storage class the cluster renders, and one a component exports", () => {
    const app = defineApp({ name: "db", namespace: "default", layer: "apps", objects: [pvc("fast")] });
    const other = defineApp({ name: "db2", namespace: "other", layer: "apps", objects: [pvc("ceph-block")] });
    const input = inputOf([{ name: "x", apps: [storage, app, other] }]);
    const exported = reference("StorageClass", { name: "rook", namespace: "rook-ceph" }, "ceph-block");
    expect(stringReferences(viewOf({ ...input, references: [exported] }))).toEqual([]);
  });

  it("reports names nothing provides: a storage class, a cluster store, an issuer, a gateway in Helm values", () => {
    // GIVEN objects naming things the cluster does not have
    const objects = [
      pvc("slow"),
      raw({
        apiVersion: "external-secrets.io/v1",
        kind: "ExternalSecret",
        metadata: { name: "s" },
        spec: { secretStoreRef: { kind: "ClusterSecretStore", name: "vault" } },
      }),
      raw({
        apiVersion: "cert-manager.io/v1",
        kind: "Certificate",
        metadata: { name: "c" },
        spec: { issuerRef: { kind: "ClusterIssuer", name: "letsencrypt" } },
      }),
    ];
    const app = defineApp({ name: "db", namespace: "default", layer: "apps", objects });
    const web = helmApp({
      name: "web",
      namespace: "default",
      layer: "apps",
      chart,
      values: { route: { main: { parentRefs: [{ name: "envoy-external", namespace: "network" }] } } },
    });
    // WHEN
    const findings = stringReferences(viewOf(inputOf([{ name: "x", apps: [storage, app, web] }])));
    // THEN
    expect(lines(findings)).toEqual([
      "REF_UNRESOLVED test › default/db › Certificate default/c: spec.issuerRef: names ClusterIssuer letsencrypt, which this cluster neither renders nor exports",
      "REF_UNRESOLVED test › default/db › ExternalSecret default/s: spec.secretStoreRef: names SecretStore vault, which this cluster neither renders nor exports",
      "REF_UNRESOLVED test › default/db › PersistentVolumeClaim default/data: spec.storageClassName: names StorageClass slow, which this cluster neither renders nor exports",
      "REF_UNRESOLVED test › default/web › HelmRelease default/web: spec.values.route.main.parentRefs.0: names Gateway network/envoy-external, which this cluster neither renders nor exports",
    ]);
  });
});
