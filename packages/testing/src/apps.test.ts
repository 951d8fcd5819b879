import { defineApp, helmApp, ociRepository } from "@k8s-ops/core";
import { describe, expect, it } from "vitest";
import { appOf, helmValues, objectsOf } from "./index.js";

const chart = { url: "oci://ghcr.io/example/charts/demo", tag: "1.2.3" };
const release = helmApp({
  name: "demo",
  namespace: "demo",
  layer: "apps",
  chart,
  values: { replicas: 2 },
  objects: [ociRepository("a", chart), ociRepository("b", chart)],
});
const plain = defineApp({ name: "plain", namespace: "demo", layer: "config", objects: [] });
const component = { name: "demo", apps: [release, plain] };

describe("appOf", () => {
  it("finds the app of a component by name", () => {
    // GIVEN a component with two apps WHEN one is asked for by name THEN it is that app
    expect(appOf(component, "plain")).toBe(plain);
  });

  it("names the apps there are when the one asked for is missing", () => {
    // GIVEN a name the component has no app for WHEN asked for THEN it throws listing the apps
    expect(() => appOf(component, "other")).toThrow("no app other (the apps are: demo, plain)");
  });
});

describe("objectsOf", () => {
  it("gives the objects of one kind as the YAML shows them, in order", () => {
    // GIVEN a Helm app with two more OCIRepositories WHEN asked for them THEN all three come as plain JSON
    const sources = objectsOf(release, "OCIRepository");
    expect(sources.map((o) => (o.metadata as { name: string }).name)).toEqual(["demo", "a", "b"]);
    expect(sources[0]).toMatchObject({
      apiVersion: "source.toolkit.fluxcd.io/v1",
      spec: { ref: { tag: "1.2.3" } },
    });
    expect(objectsOf(plain, "OCIRepository")).toEqual([]);
  });
});

describe("helmValues", () => {
  it("gives the inline values of the app's HelmRelease", () => {
    // GIVEN a Helm app WHEN its values are read THEN they are the ones it was built with
    expect(helmValues(release)).toEqual({ replicas: 2 });
  });

  it("gives no values for a release that sets none", () => {
    // GIVEN a Helm app without values WHEN read THEN the values are empty
    expect(helmValues(helmApp({ name: "bare", namespace: "demo", layer: "apps", chart }))).toEqual({});
  });

  it("throws for an app without a HelmRelease", () => {
    // GIVEN an app of plain objects WHEN its values are read THEN it throws naming the app
    expect(() => helmValues(plain)).toThrow("app plain has no HelmRelease");
  });
});
