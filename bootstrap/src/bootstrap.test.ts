import { type Component, defineApp, helmApp } from "@k8s-ops/core";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { bootstrapCommands, bootstrapFiles, bootstrapReleases } from "./index.js";

interface Helmfile {
  readonly helmDefaults: Record<string, unknown>;
  readonly releases: { readonly name: string; readonly chart: string }[];
}

/** The one document of a rendered helmfile, as helmfile will read it back. */
function helmfile(files: ReturnType<typeof bootstrapFiles>, index: number): Helmfile {
  const file = files[index];
  if (!file) throw new Error(`no file ${index}`);
  return parse(JSON.stringify(file.documents[0])) as Helmfile;
}

const CHART = { url: "oci://registry.example.org/charts/x", tag: "1.2.3" };

function chartApp(name: string, namespace: string, crds: string[] = []) {
  return helmApp({
    name,
    namespace,
    layer: "controllers",
    chart: { ...CHART, url: `oci://registry.example.org/charts/${name}` },
    values: { name },
    crds,
  });
}

const components: Component[] = [
  { name: "net", apps: [chartApp("cni", "kube-system", ["cilium.io/*"]), chartApp("dns", "kube-system")] },
  { name: "flux", apps: [chartApp("flux-operator", "flux-system", ["fluxcd.controlplane.io/*"])] },
];

describe("bootstrap helmfiles", () => {
  it("install the named apps in order, each needing the one before, with Flux's chart, version and values", () => {
    // GIVEN three chart apps WHEN bootstrapped in order
    const releases = bootstrapReleases(components, ["cni", "dns", "flux-operator"]);
    // THEN
    expect(releases).toEqual([
      {
        name: "cni",
        namespace: "kube-system",
        chart: "oci://registry.example.org/charts/cni",
        version: "1.2.3",
        values: [{ name: "cni" }],
      },
      {
        name: "dns",
        namespace: "kube-system",
        chart: "oci://registry.example.org/charts/dns",
        version: "1.2.3",
        values: [{ name: "dns" }],
        needs: ["kube-system/cni"],
      },
      {
        name: "flux-operator",
        namespace: "flux-system",
        chart: "oci://registry.example.org/charts/flux-operator",
        version: "1.2.3",
        values: [{ name: "flux-operator" }],
        needs: ["kube-system/dns"],
      },
    ]);
  });

  it("render 00-crds.yaml for the apps that install CRDs and 01-apps.yaml for all", () => {
    // GIVEN / WHEN
    const files = bootstrapFiles(components, ["cni", "dns", "flux-operator"]);
    // THEN
    expect(files.map((file) => file.path)).toEqual([
      "bootstrap/helmfile.d/00-crds.yaml",
      "bootstrap/helmfile.d/01-apps.yaml",
    ]);
    expect(helmfile(files, 0).releases.map((release) => release.name)).toEqual(["cni", "flux-operator"]);
    expect(helmfile(files, 1).releases.map((release) => release.name)).toEqual([
      "cni",
      "dns",
      "flux-operator",
    ]);
    expect(helmfile(files, 1).helmDefaults).toEqual({
      cleanupOnFail: true,
      timeout: 600,
      wait: true,
      waitForJobs: true,
    });
  });

  it("refuses an app that is not a chart, a missing app, required valuesFrom and Flux substitutions", () => {
    // GIVEN apps helmfile cannot install
    const plain = defineApp({ name: "plain", namespace: "x", layer: "apps", objects: [] });
    const fromSecret = helmApp({
      name: "ca",
      namespace: "x",
      layer: "apps",
      chart: CHART,
      valuesFrom: [{ kind: "Secret", name: "ca" }],
    });
    const substituted = helmApp({
      name: "sub",
      namespace: "x",
      layer: "apps",
      chart: CHART,
      values: { host: "a.${SECRET_DOMAIN}" },
    });
    const all: Component[] = [{ name: "bad", apps: [plain, fromSecret, substituted] }];
    // WHEN / THEN each fails with its message
    expect(() => bootstrapReleases(all, ["plain"])).toThrow(
      "OPTION bootstrap: x/plain: the app has no OCIRepository, so helmfile cannot install it\n  expected: an app made with helmApp (an OCIRepository and a HelmRelease)\n  found:    no objects",
    );
    expect(() => bootstrapReleases(all, ["nope"])).toThrow(
      "OPTION bootstrap: nope: the cluster has no app of that name to bootstrap\n  expected: one of plain, ca, sub\n  found:    nope",
    );
    expect(() => bootstrapReleases(all, ["ca"])).toThrow(
      "OPTION bootstrap: x/ca: spec.valuesFrom: the release reads values helmfile cannot read\n  expected: inline values, or valuesFrom marked optional\n  found:    Secret ca",
    );
    expect(() => bootstrapReleases(all, ["sub"])).toThrow(
      "OPTION bootstrap: x/sub: spec.values: the values hold a Flux substitution helmfile cannot fill\n  expected: values without ${…}\n  found:    ${SECRET_DOMAIN}",
    );
  });

  it("uses the HelmRelease's release name, so Flux adopts what helmfile installed", () => {
    const named = helmApp({
      name: "flux-instance",
      namespace: "flux-system",
      layer: "controllers",
      chart: CHART,
      releaseName: "flux",
    });
    expect(bootstrapReleases([{ name: "f", apps: [named] }], ["flux-instance"])[0]?.name).toBe("flux");
  });

  it("says what to run", () => {
    expect(bootstrapCommands("clusters/infra")).toEqual([
      "helmfile --file clusters/infra/bootstrap/helmfile.d/00-crds.yaml template --quiet | kubectl apply --server-side --filename -",
      "helmfile --file clusters/infra/bootstrap/helmfile.d/01-apps.yaml sync --hide-notes",
    ]);
  });
});
