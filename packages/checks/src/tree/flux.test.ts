import { helmApp } from "@k8s-ops/core";
import { describe, expect, it } from "vitest";
import { inputOf, raw } from "../test-support.js";
import { walkTree } from "./flux.js";

const chart = { url: "oci://registry.example.org/charts/web", tag: "1.0.0" };
const web = helmApp({
  name: "web",
  namespace: "default",
  layer: "apps",
  chart,
  values: { cluster: "${CLUSTER_NAME}" },
});

describe("walkTree", () => {
  it("reads a rendered cluster the way Flux applies it", () => {
    // GIVEN a cluster rendered by core
    const input = inputOf([{ name: "web", apps: [web] }]);
    // WHEN
    const tree = walkTree(input.name, input.root, input.files);
    // THEN every Kustomization is found with its owner and folder, and objects carry their owner and namespace
    expect([...tree.kustomizations.values()].map((k) => [k.id, k.owner, k.dir])).toEqual([
      ["flux-system/flux-system", undefined, "flux"],
      ["flux-system/cluster-apps", "flux-system/flux-system", "apps"],
      ["default/web", "flux-system/cluster-apps", "apps/default/web/app"],
    ]);
    const release = tree.objects.find((o) => o.kind === "HelmRelease");
    expect(release?.owner).toBe("default/web");
    expect(release?.namespace).toBe("default");
    expect(tree.findings).toEqual([]);
  });

  it("applies the entry's patches and substitutes the cluster settings", () => {
    const input = inputOf([{ name: "web", apps: [web] }]);
    const tree = walkTree(input.name, input.root, input.files);
    const spec = tree.objects.find((o) => o.kind === "HelmRelease")?.json.spec as Record<
      string,
      Record<string, unknown>
    >;
    // THEN the HelmRelease defaults come from the patch, ${CLUSTER_NAME} from the cluster-settings ConfigMap
    expect(spec.install?.crds).toBe("CreateReplace");
    expect(spec.values?.cluster).toBe("test");
  });

  it("reports a missing resource, a component that is not one, and a path outside the cluster", () => {
    // GIVEN hand-made files
    const files = new Map([
      ["flux/kustomization.yaml", "resources: [./ks.yaml, ./gone.yaml]\ncomponents: [../components/bad]\n"],
      [
        "flux/ks.yaml",
        "apiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata: {name: outside, namespace: flux-system}\nspec: {path: ./elsewhere}\n",
      ],
      [
        "components/bad/kustomization.yaml",
        "apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\n",
      ],
    ]);
    // WHEN
    const tree = walkTree("demo", "clusters/demo", files);
    // THEN
    expect(tree.findings.map((f) => `${f.code} ${f.path}: ${f.message}`)).toEqual([
      "KUSTOMIZE_PATH clusters/demo/flux/kustomization.yaml: resources: lists ./gone.yaml, which does not exist in the cluster folder",
      "KUSTOMIZE_PATH clusters/demo/components/bad/kustomization.yaml: a folder used as a component is not a kustomize Component",
      "FLUX_PATH demo › flux-system/outside: spec.path: spec.path is not a folder of this cluster",
    ]);
  });

  it("reports ${…} in a Kustomization without postBuild, and a variable nothing defines", () => {
    const files = new Map([
      ["flux/kustomization.yaml", "resources: [./ks.yaml]\n"],
      ["flux/ks.yaml", ks("plain", "") + ks("subst", "  postBuild:\n    substitute: {A: 'x'}\n")],
      ["a/kustomization.yaml", "resources: [./cm.yaml]\n"],
      [
        "a/cm.yaml",
        "apiVersion: v1\nkind: ConfigMap\nmetadata: {name: cm}\ndata: {first: '${A}', second: '${B}'}\n",
      ],
    ]);
    const tree = walkTree("demo", "clusters/demo", files);
    expect(tree.findings.map((f) => `${f.code} ${f.path}: ${f.message}`)).toEqual([
      "SUBSTITUTION demo › flux-system/plain: spec.postBuild: objects use ${…} but the Kustomization has no postBuild, so Flux leaves them as written",
      "VAR_UNDEFINED demo › flux-system/subst › ConfigMap default/cm: data.second: variable B is not defined",
    ]);
  });

  it("knows the names of the cluster's secret variables without their values", () => {
    // GIVEN an app using a secret variable, and an ExternalSecret writing cluster-secrets in every namespace
    const input = inputOf([
      {
        name: "web",
        apps: [
          helmApp({ name: "web", namespace: "default", layer: "apps", chart, values: { token: "${TOKEN}" } }),
        ],
        namespaceComponents: [{ name: "cluster-secrets", objects: [clusterSecretsWriter()] }],
      },
    ]);
    // WHEN the tree is read
    const tree = walkTree(input.name, input.root, input.files, { secretVariables: ["TOKEN"] });
    // THEN the variable is defined, and left for Flux to fill in
    expect(tree.findings).toEqual([]);
    expect(
      (tree.objects.find((o) => o.kind === "HelmRelease")?.json.spec as { values: unknown } | undefined)
        ?.values,
    ).toEqual({ token: "${TOKEN}" });
  });

  it("reports secret variables that nothing writes, once per namespace", () => {
    // GIVEN two apps in one namespace substituting from cluster-secrets, which nothing writes
    const app = (name: string) => helmApp({ name, namespace: "default", layer: "apps", chart });
    const input = inputOf([{ name: "web", apps: [app("web"), app("api")] }]);
    // WHEN the tree is read with a secret variable declared
    const tree = walkTree(input.name, input.root, input.files, { secretVariables: ["TOKEN"] });
    // THEN one finding names the namespace, the Secret and the variables
    expect(tree.findings.map((f) => [f.code, f.path, f.message, f.expected, f.found])).toEqual([
      [
        "SECRET_SOURCE_MISSING",
        "test › default/api: spec.postBuild.substituteFrom",
        "nothing writes the Secret cluster-secrets in namespace default: Flux would substitute empty values",
        "an ExternalSecret or a sops-encrypted Secret default/cluster-secrets with TOKEN",
        "none",
      ],
    ]);
  });
});

/** An ExternalSecret whose target is the cluster-secrets Secret. */
function clusterSecretsWriter() {
  return raw({
    apiVersion: "external-secrets.io/v1",
    kind: "ExternalSecret",
    metadata: { name: "cluster-secrets" },
    spec: {
      secretStoreRef: { kind: "ClusterSecretStore", name: "onepassword-connect" },
      target: { name: "cluster-secrets" },
      dataFrom: [{ extract: { key: "cluster-secrets" } }],
    },
  });
}

function ks(name: string, extra: string): string {
  return `---\napiVersion: kustomize.toolkit.fluxcd.io/v1\nkind: Kustomization\nmetadata: {name: ${name}, namespace: flux-system}\nspec:\n  path: ./clusters/demo/a\n  targetNamespace: default\n${extra}`;
}
