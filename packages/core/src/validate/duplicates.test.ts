import { ClusterRole } from "kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole";
import { Namespace } from "kubernetes-models/v1/Namespace";
import { describe, expect, it } from "vitest";
import type { App, AppOptions } from "../app.js";
import { defineApp } from "../app.js";
import { helmApp } from "../helm.js";
import { CHART, configMap, customObject, render } from "../test-fixtures.js";
import { validateApps } from "./index.js";

function validate(...apps: App[]) {
  return validateApps({ cluster: "test", apps, variables: new Set() });
}

function app(name: string, options: Partial<AppOptions> = {}) {
  return defineApp({ name, namespace: "apps", layer: "apps", objects: [], ...options });
}

function duplicate(path: string, first: string) {
  return {
    code: "DUPLICATE_OBJECT",
    path,
    message: "the same object is rendered twice; Flux would apply one over the other",
    expected: "each (kind, namespace, name) once per cluster",
    found: `also rendered by ${first}`,
  };
}

describe("DUPLICATE_OBJECT", () => {
  it("reports the same object rendered by two apps", () => {
    // GIVEN two apps of one namespace that both render ConfigMap shared
    const apps = [app("a", { objects: [configMap("shared")] }), app("b", { objects: [configMap("shared")] })];
    // WHEN / THEN the second is reported, naming the first
    expect(validate(...apps)).toEqual([duplicate("test › apps/b › ConfigMap apps/shared", "apps/a")]);
  });

  it("counts an explicit metadata.namespace as the object's namespace", () => {
    // GIVEN an app in `apps` rendering ConfigMap shared, and one in `other` rendering it into `apps` explicitly
    const first = app("a", { objects: [configMap("shared")] });
    const second = app("b", {
      namespace: "other",
      objects: [customObject("v1", "ConfigMap", "shared", "apps")],
    });
    // WHEN / THEN they collide
    expect(validate(first, second)).toEqual([duplicate("test › other/b › ConfigMap apps/shared", "apps/a")]);
  });

  it("does not report namespaced objects of the same name in different namespaces", () => {
    // GIVEN ConfigMap shared in namespaces apps and other
    const apps = [
      app("a", { objects: [configMap("shared")] }),
      app("b", { namespace: "other", objects: [configMap("shared")] }),
    ];
    // WHEN / THEN
    expect(validate(...apps)).toEqual([]);
  });

  it("reports cluster-scoped objects of the same name across namespaces", () => {
    // GIVEN a ClusterRole and a ClusterIssuer of the same name rendered from two namespaces each
    const role = () => new ClusterRole({ metadata: { name: "reader" } });
    const issuer = () => customObject("cert-manager.io/v1", "ClusterIssuer", "letsencrypt");
    const apps = [
      app("a", { namespace: "one", objects: [role(), issuer()] }),
      app("b", { namespace: "two", objects: [role(), issuer()] }),
    ];
    // WHEN / THEN both collide, whatever namespace their apps are in
    expect(validate(...apps)).toEqual([
      duplicate("test › two/b › ClusterRole reader", "one/a"),
      duplicate("test › two/b › ClusterIssuer letsencrypt", "one/a"),
    ]);
  });

  it("does not confuse objects of the same name and kind in different API groups", () => {
    // GIVEN two kinds called Certificate, both named x, in different API groups
    const apps = [
      app("a", { objects: [customObject("cert-manager.io/v1", "Certificate", "x")] }),
      app("b", { objects: [customObject("example.com/v1", "Certificate", "x")] }),
    ];
    // WHEN / THEN
    expect(validate(...apps)).toEqual([]);
  });

  it("reports the same app name twice in one namespace, with each object it renders", () => {
    // GIVEN the same chart app defined twice
    const twice = () => helmApp({ name: "podinfo", namespace: "apps", layer: "apps", chart: CHART });
    // WHEN
    const findings = validate(twice(), twice());
    // THEN the Flux Kustomization, the OCIRepository and the HelmRelease are each reported once
    expect(findings).toEqual([
      duplicate("test › apps/podinfo › Kustomization apps/podinfo", "apps/podinfo"),
      duplicate("test › apps/podinfo › OCIRepository apps/podinfo", "apps/podinfo"),
      duplicate("test › apps/podinfo › HelmRelease apps/podinfo", "apps/podinfo"),
    ]);
  });

  it("reports the same app name twice, and its shared folder, through renderCluster", () => {
    // GIVEN the same app twice / WHEN the cluster renders / THEN its folder and its Kustomization collide
    const twice = () => app("podinfo");
    const findings = render([twice(), twice()]).findings;
    expect(findings).toEqual([
      {
        code: "DUPLICATE_OBJECT",
        path: "test › apps/podinfo",
        message: "two apps render into the same folder",
        expected: "a folder/dir of its own for each app",
        found: "apps/apps/podinfo/app also used by apps/podinfo",
      },
      duplicate("test › apps/podinfo › Kustomization apps/podinfo", "apps/podinfo"),
    ]);
  });

  it("reports two apps rendering into the same folder", () => {
    // GIVEN two apps of folder `shared` and the default dir `app`
    const apps = [app("a", { folder: "shared" }), app("b", { folder: "shared" })];
    // WHEN / THEN
    expect(render(apps).findings).toEqual([
      {
        code: "DUPLICATE_OBJECT",
        path: "test › apps/b",
        message: "two apps render into the same folder",
        expected: "a folder/dir of its own for each app",
        found: "apps/apps/shared/app also used by apps/a",
      },
    ]);
  });

  it("accepts stages: one folder, different dirs", () => {
    // GIVEN two stages of folder `shared` / WHEN the cluster renders / THEN nothing collides
    const apps = [app("a", { folder: "shared" }), app("b", { folder: "shared", dir: "config" })];
    expect(render(apps).findings).toEqual([]);
  });
});

describe("objects k8s-ops renders itself", () => {
  it("reports an app rendering the Namespace of an app namespace", () => {
    // GIVEN an app that also renders its own namespace
    const own = new Namespace({ metadata: { name: "apps" } });
    // WHEN
    const findings = validate(app("web", { objects: [own] }));
    // THEN
    expect(findings).toEqual([
      {
        code: "DUPLICATE_OBJECT",
        path: "test › apps/web › Namespace apps",
        message: "the namespace is rendered by k8s-ops already; remove it from the app",
        expected: "no Namespace object for a namespace apps are deployed to",
        found: "also rendered as apps/apps/namespace.yaml",
      },
    ]);
  });

  it("reports a hand-written file named like a file k8s-ops generates in the same folder", () => {
    // GIVEN an app listing a hand-written helmrelease.yaml beside its generated one
    const web = helmApp({
      name: "web",
      namespace: "apps",
      layer: "apps",
      chart: CHART,
      files: ["helmrelease.yaml"],
    });
    // WHEN
    const rendered = render([web]);
    // THEN
    expect(rendered.findings).toEqual([
      {
        code: "FILE_NOT_OWNED",
        path: "test › apps/web: files",
        message: "a hand-written file has the name of a file k8s-ops generates in the same folder",
        expected: "a name other than helmrelease.yaml, kustomization.yaml, ocirepository.yaml",
        found: "helmrelease.yaml",
      },
    ]);
  });
});
