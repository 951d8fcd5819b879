import { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { defineApp, type NamespaceComponent } from "../app.js";
import { compareText } from "../compare.js";
import { HELM_RELEASE_DEFAULTS } from "../flux.js";
import { settingsVariables } from "../settings.js";
import { customObject, demoApps, documents, render } from "../test-fixtures.js";
import { testSettings } from "../testing.js";
import { GENERATED_HEADER } from "./yaml.js";

const baseline: NamespaceComponent = {
  name: "baseline",
  objects: [
    new NetworkPolicy({
      metadata: { name: "deny-all" },
      spec: { podSelector: {}, policyTypes: ["Ingress"] },
    }),
  ],
};

type Patch = { patch: string; target: object };

function kustomizationOf(rendered: ReturnType<typeof render>, path: string) {
  return documents(rendered, path)[0] as { resources: string[]; components?: string[]; namespace?: string };
}

/** The small cluster is `demoApps()`: apps/podinfo (a chart) with its config stage, and tools/echo. */
describe("the rendered tree", () => {
  it("lays out the flux entry, the settings component, the namespaces and the app folders", () => {
    // GIVEN the small cluster / WHEN it renders
    const rendered = render(demoApps());
    // THEN it validates and holds exactly these files
    expect(rendered.findings).toEqual([]);
    expect([...rendered.files.keys()].sort(compareText)).toEqual([
      "apps/apps/kustomization.yaml",
      "apps/apps/namespace.yaml",
      "apps/apps/podinfo/app/helmrelease.yaml",
      "apps/apps/podinfo/app/kustomization.yaml",
      "apps/apps/podinfo/app/ocirepository.yaml",
      "apps/apps/podinfo/config/configmap.yaml",
      "apps/apps/podinfo/config/kustomization.yaml",
      "apps/apps/podinfo/ks.yaml",
      "apps/kustomization.yaml",
      "apps/tools/echo/app/helmrelease.yaml",
      "apps/tools/echo/app/kustomization.yaml",
      "apps/tools/echo/app/ocirepository.yaml",
      "apps/tools/echo/ks.yaml",
      "apps/tools/kustomization.yaml",
      "apps/tools/namespace.yaml",
      "components/cluster-settings/configmap.yaml",
      "components/cluster-settings/kustomization.yaml",
      "flux/ks.yaml",
      "flux/kustomization.yaml",
    ]);
    expect(rendered.objects).toBe(12);
  });

  it("lists in each app's kustomization.yaml exactly the files of its folder plus its hand-written files", () => {
    // GIVEN podinfo declaring two hand-written files
    const rendered = render(demoApps({ files: ["secret.sops.yaml", "alerts.yaml"] }));
    // WHEN each app folder's kustomization.yaml is read
    for (const dir of ["apps/apps/podinfo/app", "apps/apps/podinfo/config", "apps/tools/echo/app"]) {
      const siblings = [...rendered.files.keys()]
        .filter((path) => path.startsWith(`${dir}/`) && !path.endsWith("/kustomization.yaml"))
        .map((path) => `./${path.slice(dir.length + 1)}`);
      const hand = dir === "apps/apps/podinfo/app" ? ["./secret.sops.yaml", "./alerts.yaml"] : [];
      // THEN it lists them, sorted
      expect(kustomizationOf(rendered, `${dir}/kustomization.yaml`).resources).toEqual(
        [...siblings, ...hand].sort(compareText),
      );
    }
    expect(rendered.handWritten).toEqual([
      "apps/apps/podinfo/app/secret.sops.yaml",
      "apps/apps/podinfo/app/alerts.yaml",
    ]);
  });

  it("lists the namespaces, each namespace's folders, the flux entry and the settings component", () => {
    // GIVEN the small cluster / WHEN it renders / THEN each aggregate kustomization lists exactly its parts
    const rendered = render(demoApps());
    expect(kustomizationOf(rendered, "apps/kustomization.yaml").resources).toEqual(["./apps", "./tools"]);
    expect(kustomizationOf(rendered, "apps/apps/kustomization.yaml")).toEqual({
      apiVersion: "kustomize.config.k8s.io/v1beta1",
      kind: "Kustomization",
      namespace: "apps",
      components: ["../../components/cluster-settings"],
      resources: ["./namespace.yaml", "./podinfo/ks.yaml"],
    });
    expect(kustomizationOf(rendered, "flux/kustomization.yaml").resources).toEqual(["./ks.yaml"]);
    expect(documents(rendered, "components/cluster-settings/kustomization.yaml")).toEqual([
      { apiVersion: "kustomize.config.k8s.io/v1alpha1", kind: "Component", resources: ["./configmap.yaml"] },
    ]);
    expect(documents(rendered, "components/cluster-settings/configmap.yaml")).toEqual([
      {
        apiVersion: "v1",
        kind: "ConfigMap",
        metadata: { name: "cluster-settings" },
        data: settingsVariables(testSettings()),
      },
    ]);
  });

  it("writes an app's Flux Kustomizations to ks.yaml, beside the folder's kustomization.yaml", () => {
    // GIVEN an app whose objects include a Flux Kustomization
    const child = customObject("kustomize.toolkit.fluxcd.io/v1", "Kustomization", "child", "apps");
    const app = defineApp({ name: "parent", namespace: "apps", layer: "apps", objects: [child] });
    // WHEN the cluster renders
    const rendered = render([app]);
    // THEN the object has its own file, which kustomization.yaml lists
    expect(documents(rendered, "apps/apps/parent/app/ks.yaml")).toEqual([child.toJSON()]);
    expect(kustomizationOf(rendered, "apps/apps/parent/app/kustomization.yaml").resources).toEqual([
      "./ks.yaml",
    ]);
  });

  it("starts every file with the generated-file header", () => {
    // GIVEN the small cluster / WHEN it renders / THEN every file starts with the header
    for (const [path, content] of render(demoApps()).files) {
      expect(content.startsWith(`${GENERATED_HEADER}\n`), path).toBe(true);
    }
  });

  it("puts the stages of one folder in one ks.yaml, with paths under ./<root>/apps/", () => {
    // GIVEN the small cluster / WHEN it renders
    const rendered = render(demoApps());
    // THEN podinfo's ks.yaml holds both stages, sorted by name, the second depending on the first
    const stages = documents(rendered, "apps/apps/podinfo/ks.yaml") as {
      metadata: { name: string };
      spec: Record<string, unknown>;
    }[];
    expect(stages.map((ks) => [ks.metadata.name, ks.spec.path, ks.spec.dependsOn])).toEqual([
      ["podinfo", "./clusters/test/apps/apps/podinfo/app", undefined],
      [
        "podinfo-config",
        "./clusters/test/apps/apps/podinfo/config",
        [{ name: "podinfo", namespace: "apps" }],
      ],
    ]);
    expect(stages[0]?.spec).toMatchObject({
      prune: true,
      sourceRef: { kind: "GitRepository", name: "flux-system", namespace: "flux-system" },
      targetNamespace: "apps",
      wait: false,
    });
    // AND every ks.yaml path points at a folder the tree renders
    for (const [path] of rendered.files) {
      if (!path.endsWith("/ks.yaml") || path.startsWith("flux/")) continue;
      for (const ks of documents(rendered, path) as { spec: { path: string } }[]) {
        expect(ks.spec.path.startsWith("./clusters/test/apps/")).toBe(true);
        expect(
          rendered.files.has(`${ks.spec.path.slice("./clusters/test/".length)}/kustomization.yaml`),
        ).toBe(true);
      }
    }
  });

  it("never lets Flux prune a namespace", () => {
    // GIVEN the small cluster / WHEN it renders / THEN each namespace carries the prune-disabled annotation
    expect(documents(render(demoApps()), "apps/tools/namespace.yaml")).toEqual([
      {
        apiVersion: "v1",
        kind: "Namespace",
        metadata: { name: "tools", annotations: { "kustomize.toolkit.fluxcd.io/prune": "disabled" } },
      },
    ]);
  });

  it("gives the cluster entry the HelmRelease defaults patch and the settings and secrets to substitute", () => {
    // GIVEN the small cluster / WHEN it renders
    const [entry] = documents(render(demoApps()), "flux/ks.yaml") as {
      metadata: object;
      spec: { path: string; decryption?: unknown; patches: Patch[] };
    }[];
    // THEN the entry applies ./<root>/apps and patches every child Kustomization
    expect(entry?.metadata).toEqual({ name: "cluster-apps", namespace: "flux-system" });
    expect(entry?.spec.path).toBe("./clusters/test/apps");
    expect(entry?.spec.decryption).toBeUndefined();
    const [childPatch] = entry?.spec.patches ?? [];
    expect(childPatch?.target).toEqual({ group: "kustomize.toolkit.fluxcd.io", kind: "Kustomization" });
    const child = parse(childPatch?.patch ?? "") as { spec: Record<string, unknown> };
    expect(child.spec.postBuild).toEqual({
      substituteFrom: [
        { kind: "ConfigMap", name: "cluster-settings" },
        { kind: "Secret", name: "cluster-secrets", optional: true },
      ],
    });
    expect(child.spec.decryption).toBeUndefined();
    // AND, one level down, every HelmRelease with the defaults
    const [helmPatch] = child.spec.patches as Patch[];
    expect(helmPatch?.target).toEqual({ group: "helm.toolkit.fluxcd.io", kind: "HelmRelease" });
    expect(parse(helmPatch?.patch ?? "")).toEqual({
      apiVersion: "helm.toolkit.fluxcd.io/v2",
      kind: "HelmRelease",
      metadata: { name: "_" },
      spec: HELM_RELEASE_DEFAULTS,
    });
  });

  it("turns SOPS decryption on only when an app lists a *.sops.yaml file", () => {
    // GIVEN the cluster with a plain hand-written file, then with an encrypted one
    const plain = render(demoApps({ files: ["alerts.yaml"] }));
    const encrypted = render(demoApps({ files: ["secret.sops.yaml"] }));
    const entry = (rendered: ReturnType<typeof render>) =>
      (
        documents(rendered, "flux/ks.yaml")[0] as {
          spec: { decryption?: unknown; patches: { patch: string }[] };
        }
      ).spec;
    // WHEN / THEN only the second decrypts, in the entry and in every child
    expect(entry(plain).decryption).toBeUndefined();
    expect(parse(entry(plain).patches[0]?.patch ?? "").spec.decryption).toBeUndefined();
    expect(entry(encrypted).decryption).toEqual({ provider: "sops" });
    expect(parse(entry(encrypted).patches[0]?.patch ?? "").spec.decryption).toEqual({ provider: "sops" });
  });

  it("renders namespace components once and includes them in every namespace", () => {
    // GIVEN a baseline network policy component
    const rendered = render(demoApps(), { namespaceComponents: [baseline] });
    // WHEN / THEN it has its own folder, a kind: Component kustomization
    expect(rendered.findings).toEqual([]);
    expect(
      [...rendered.files.keys()].filter((p) => p.startsWith("components/baseline/")).sort(compareText),
    ).toEqual(["components/baseline/kustomization.yaml", "components/baseline/networkpolicy.yaml"]);
    expect(kustomizationOf(rendered, "components/baseline/kustomization.yaml").resources).toEqual([
      "./networkpolicy.yaml",
    ]);
    // AND every namespace includes it after cluster-settings
    for (const ns of ["apps", "tools"]) {
      expect(kustomizationOf(rendered, `apps/${ns}/kustomization.yaml`).components).toEqual([
        "../../components/cluster-settings",
        "../../components/baseline",
      ]);
    }
  });

  it("matches the reviewed YAML of the small cluster", async () => {
    // GIVEN the small cluster with a namespace component and a hand-written secret / WHEN it renders
    const rendered = render(demoApps({ files: ["secret.sops.yaml"] }), { namespaceComponents: [baseline] });
    const yaml = [...rendered.files]
      .sort(([a], [b]) => compareText(a, b))
      .map(([path, content]) => `# ---- ${path}\n${content}`)
      .join("\n");
    // THEN the whole tree is what reviewers approved
    expect(rendered.findings).toEqual([]);
    await expect(yaml).toMatchFileSnapshot("__snapshots__/tree.small-cluster.yaml");
  });
});
