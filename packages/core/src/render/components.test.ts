import { ConfigMap } from "kubernetes-models/v1/ConfigMap";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { defineApp, type KustomizeComponent } from "../app.js";
import { renderComponents } from "../testing.js";

const gatus: KustomizeComponent = {
  name: "gatus",
  objects: [
    new ConfigMap({ metadata: { name: "${APP}-gatus-ep" }, data: { "config.yaml": "url: https://${APP}" } }),
  ],
};

function app(name: string, components: readonly KustomizeComponent[]) {
  return defineApp({
    name,
    namespace: "default",
    layer: "apps",
    objects: [],
    components,
    substitute: { APP: name },
  });
}

describe("per-app kustomize components", () => {
  it("renders a component once and points each app's spec.components at it, relative to its path", () => {
    // GIVEN two apps that both add the gatus component
    const apps = [app("web", [gatus]), app("api", [gatus])];
    // WHEN the cluster renders
    const rendered = renderComponents([{ name: "demo", apps }]);
    // THEN the component is a kind: Component folder, referenced from both ks.yaml files
    expect(rendered.findings).toEqual([]);
    expect(parse(rendered.files.get("components/gatus/kustomization.yaml") ?? "")).toEqual({
      apiVersion: "kustomize.config.k8s.io/v1alpha1",
      kind: "Component",
      resources: ["./configmap.yaml"],
    });
    const ks = parse(rendered.files.get("apps/default/web/ks.yaml") ?? "");
    expect(ks.spec.components).toEqual(["../../../../components/gatus"]);
    expect(ks.spec.path).toBe("./clusters/test/apps/default/web/app");
  });

  it("reports two different components under one name", () => {
    // GIVEN two apps adding different components both called gatus
    const other: KustomizeComponent = {
      name: "gatus",
      objects: [new ConfigMap({ metadata: { name: "other" } })],
    };
    // WHEN
    const rendered = renderComponents([{ name: "demo", apps: [app("web", [gatus]), app("api", [other])] }]);
    // THEN
    expect(rendered.findings).toEqual([
      {
        code: "DUPLICATE_OBJECT",
        path: "test › components/gatus",
        message: "two different kustomize components share one name",
        expected: "one definition per component name",
        found: "two definitions",
      },
    ]);
  });

  it("reports a variable a component needs that the app using it does not define", () => {
    // GIVEN an app adding the gatus component without defining APP
    const web = defineApp({
      name: "web",
      namespace: "default",
      layer: "apps",
      objects: [],
      components: [gatus],
    });
    // WHEN
    const rendered = renderComponents([{ name: "demo", apps: [web] }]);
    // THEN both uses of ${APP} are reported, and the name, once substituted, is still not valid
    expect(rendered.findings.map((finding) => [finding.code, finding.path])).toEqual([
      ["INVALID_NAME", "test › default/web › components/gatus › ConfigMap ${APP}-gatus-ep: metadata.name"],
      ["VAR_UNDEFINED", "test › default/web › components/gatus › ConfigMap ${APP}-gatus-ep: metadata.name"],
      [
        "VAR_UNDEFINED",
        "test › default/web › components/gatus › ConfigMap ${APP}-gatus-ep: data.config.yaml",
      ],
    ]);
  });
});
