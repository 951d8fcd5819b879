import { describe, expect, it } from "vitest";
import type { AppOptions } from "../app.js";
import { defineApp } from "../app.js";
import { helmApp } from "../helm.js";
import { CHART, configMap, render, subst } from "../test-fixtures.js";
import { testSettings } from "../testing.js";
import { validateApps } from "./index.js";
import { SUBSTITUTE_DISABLED } from "./variables.js";

const DEFINED = new Set(["CLUSTER_NAME", "CLUSTER_ID"]);

function appWith(
  data: Record<string, string>,
  options: Partial<AppOptions> = {},
  annotations?: Record<string, string>,
) {
  return defineApp({
    name: "demo",
    namespace: "apps",
    layer: "apps",
    objects: [configMap("demo", data, annotations)],
    ...options,
  });
}

function validate(app: ReturnType<typeof defineApp>) {
  return validateApps({ cluster: "test", apps: [app], variables: DEFINED });
}

const AT = "test › apps/demo › ConfigMap apps/demo";

describe("VAR_UNDEFINED", () => {
  it("reports an undefined variable with the field it is in and the variables that exist", () => {
    // GIVEN a value using DOMAIN, which nobody defines
    const app = appWith({ url: `https://${subst("DOMAIN")}/x` });
    // WHEN / THEN
    expect(validate(app)).toEqual([
      {
        code: "VAR_UNDEFINED",
        path: `${AT}: data.url`,
        message: "variable DOMAIN is not defined",
        expected: `one of CLUSTER_ID, CLUSTER_NAME, or ${subst("DOMAIN:=default")}`,
        found: subst("DOMAIN"),
      },
    ]);
  });

  it("reports every undefined use, inside arrays too", () => {
    // GIVEN a chart app with two undefined variables in its values, one in a list
    const app = helmApp({
      name: "demo",
      namespace: "apps",
      layer: "apps",
      chart: CHART,
      values: { hosts: ["a", `${subst("HOST")}.example.com`], region: subst("REGION") },
    });
    // WHEN / THEN each is reported at its own field
    expect(validate(app).map((f) => [f.path, f.found])).toEqual([
      ["test › apps/demo › HelmRelease apps/demo: spec.values.hosts.1", subst("HOST")],
      ["test › apps/demo › HelmRelease apps/demo: spec.values.region", subst("REGION")],
    ]);
  });

  it.each([
    ["a default with :=", "LEVEL:=info"],
    ["a default with :-", "LEVEL:-info"],
    ["a default with =", "LEVEL=info"],
    ["a default with -", "LEVEL-info"],
    ["a defined variable", "CLUSTER_NAME"],
  ])("accepts %s", (_, body) => {
    // GIVEN a substitution with a default or of a defined variable / WHEN validated / THEN it is fine
    expect(validate(appWith({ value: subst(body) }))).toEqual([]);
  });

  it("ignores a substitution escaped with $$", () => {
    // GIVEN a value Flux writes out literally as ${SHELL_VAR}
    const app = appWith({ script: `echo $${subst("SHELL_VAR")}` });
    // WHEN / THEN
    expect(validate(app)).toEqual([]);
  });

  it("accepts variables the app substitutes itself", () => {
    // GIVEN APP defined in the app's postBuild.substitute
    const app = appWith({ name: subst("APP") }, { substitute: { APP: "demo" } });
    // WHEN / THEN
    expect(validate(app)).toEqual([]);
  });

  it("does not let one app's substitute define a variable for another", () => {
    // GIVEN APP substituted by `demo` only, used by `demo` and `other`
    // WHEN both are validated / THEN only `other` is reported
    const own = appWith({ name: subst("APP") }, { substitute: { APP: "demo" } });
    const other = defineApp({
      name: "other",
      namespace: "apps",
      layer: "apps",
      objects: [configMap("other", { name: subst("APP") })],
    });
    const findings = validateApps({ cluster: "test", apps: [own, other], variables: DEFINED });
    expect(findings.map((f) => f.path)).toEqual(["test › apps/other › ConfigMap apps/other: data.name"]);
  });

  it("skips objects annotated substitute: disabled", () => {
    // GIVEN a ConfigMap with a substitution Flux is told not to make
    const app = appWith({ template: subst("ANYTHING") }, {}, { [SUBSTITUTE_DISABLED]: "disabled" });
    // WHEN / THEN
    expect(SUBSTITUTE_DISABLED).toBe("kustomize.toolkit.fluxcd.io/substitute");
    expect(validate(app)).toEqual([]);
  });

  it.each([["1ABC"], [""], ["-x"]])("reports the substitution body %j as having no valid name", (body) => {
    // GIVEN a substitution whose name does not start with a letter or underscore
    const app = appWith({ value: subst(body) });
    // WHEN / THEN
    expect(validate(app)).toEqual([
      {
        code: "VAR_UNDEFINED",
        path: `${AT}: data.value`,
        message: "substitution has no valid variable name",
        expected: `${subst("NAME")} with NAME matching ^[_a-zA-Z][_a-zA-Z0-9]*$`,
        found: subst(body),
      },
    ]);
  });

  it("accepts the settings variables and the secret variable names when rendering a cluster", () => {
    // GIVEN settings with a secret variable, and an app using it and a public setting
    const settings = testSettings({ secretVariables: ["CLOUDFLARE_TOKEN"] });
    const app = appWith({ token: subst("CLOUDFLARE_TOKEN"), cidr: subst("CLUSTER_POD_CIDR") });
    // WHEN / THEN
    expect(render([app], { settings }).findings).toEqual([]);
  });

  it("lists every cluster variable as expected when rendering a cluster", () => {
    // GIVEN settings with a secret variable, and an app using an undefined one
    const settings = testSettings({ secretVariables: ["CLOUDFLARE_TOKEN"] });
    const app = appWith({ token: subst("TOKEN") });
    // WHEN / THEN the expected names are the settings and the secret names, sorted
    expect(render([app], { settings }).findings.map((f) => f.expected)).toEqual([
      "one of CLOUDFLARE_TOKEN, CLUSTER_ID, CLUSTER_LB_CIDR, CLUSTER_NAME, CLUSTER_NODE_CIDR, CLUSTER_POD_CIDR, " +
        `CLUSTER_SERVICE_CIDR, KUBERNETES_VERSION, TALOS_VERSION, or ${subst("TOKEN:=default")}`,
    ]);
  });
});
