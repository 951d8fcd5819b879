import { describe, expect, it } from "vitest";
import { FluxInstance, ResourceSet } from "./index.js";

const metadata = { name: "flux", namespace: "flux-system" };

function instance(): FluxInstance {
  return new FluxInstance({
    metadata,
    spec: {
      distribution: {
        version: "2.7.x",
        registry: "ghcr.io/fluxcd",
        artifact: "oci://ghcr.io/controlplaneio-fluxcd/flux-operator-manifests",
      },
      components: ["source-controller", "kustomize-controller", "helm-controller", "notification-controller"],
      cluster: {
        type: "kubernetes",
        size: "medium",
        multitenant: false,
        networkPolicy: true,
        domain: "cluster.local",
      },
      sync: {
        kind: "GitRepository",
        url: "https://github.com/example/k8s-ops.git",
        ref: "refs/heads/main",
        path: "clusters/infra/flux",
        pullSecret: "github-auth",
      },
      kustomize: {
        patches: [
          {
            target: { kind: "Deployment", name: "(kustomize-controller|helm-controller)" },
            patch: "- op: add\n  path: /spec/template/spec/containers/0/args/-\n  value: --concurrent=10\n",
          },
        ],
      },
    },
  });
}

describe("fluxcd.controlplane.io/v1 (hand-written)", () => {
  it("sets apiVersion and kind and serialises without undefined fields", () => {
    // GIVEN a minimal FluxInstance with an undefined field
    const flux = new FluxInstance({
      metadata,
      spec: { distribution: { version: "2.7.x", registry: "ghcr.io/fluxcd", artifact: undefined } },
    });
    // THEN
    expect(flux.toJSON()).toEqual({
      apiVersion: "fluxcd.controlplane.io/v1",
      kind: "FluxInstance",
      metadata,
      spec: { distribution: { version: "2.7.x", registry: "ghcr.io/fluxcd" } },
    });
  });

  it("validates the platform's FluxInstance and a ResourceSet", () => {
    // GIVEN a FluxInstance syncing the cluster and a ResourceSet rendering one namespace per tenant
    const tenants = new ResourceSet({
      metadata: { name: "tenants", namespace: "flux-system" },
      spec: {
        inputs: [{ tenant: "team-a" }, { tenant: "team-b" }],
        resources: [{ apiVersion: "v1", kind: "Namespace", metadata: { name: "<< inputs.tenant >>" } }],
        wait: true,
      },
    });
    // WHEN validated THEN both pass
    expect(() => instance().validate()).not.toThrow();
    expect(() => tenants.validate()).not.toThrow();
  });

  it("reports missing distribution and sync fields", () => {
    // GIVEN a FluxInstance without registry and a sync without ref and path
    const flux = instance();
    // @ts-expect-error registry is required
    flux.spec.distribution = { version: "2.7.x" };
    // @ts-expect-error ref and path are required
    flux.spec.sync = { kind: "OCIRepository", url: "oci://ghcr.io/example/k8s-ops" };
    // THEN
    expect(() => flux.validate()).toThrow(
      "data/spec/distribution must have required property registry, " +
        "data/spec/sync must have required property ref, data/spec/sync must have required property path",
    );
  });

  it("rejects unknown components, sync kinds and patches without a patch", () => {
    // GIVEN
    const flux = instance();
    // @ts-expect-error not a Flux component
    flux.spec.components = ["source-controller", "tf-controller"];
    // @ts-expect-error not a source kind
    flux.spec.sync = { kind: "HelmRepository", url: "https://example.com", ref: "main", path: "./" };
    // @ts-expect-error patch is required
    flux.spec.kustomize = { patches: [{ target: { kind: "Deployment" } }] };
    // THEN
    expect(() => flux.validate()).toThrow(
      "data/spec/components/1 must be equal to one of the allowed values, " +
        "data/spec/sync/kind must be equal to one of the allowed values, " +
        "data/spec/kustomize/patches/0 must have required property patch",
    );
  });

  it("rejects a ResourceSet resource without kind", () => {
    // GIVEN
    const set = new ResourceSet({
      metadata,
      // @ts-expect-error kind is required
      spec: { resources: [{ apiVersion: "v1", metadata: { name: "x" } }] },
    });
    // THEN
    expect(() => set.validate()).toThrow("data/spec/resources/0 must have required property kind");
  });
});
