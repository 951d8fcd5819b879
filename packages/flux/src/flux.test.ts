import { fileURLToPath } from "node:url";
import { componentYaml, renderComponents } from "@k8s-ops/core";
import { appOf, helmValues, readmeShows, readmeYaml } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { parse, parseAllDocuments } from "yaml";
import { FLUX_INSTANCE_CHART, FLUX_OPERATOR_CHART, flux } from "./index.js";

const README = fileURLToPath(new URL("../README.md", import.meta.url));
const url = "https://github.com/k8s-ops/k8s-ops";
const path = "clusters/infra/flux";

interface Patch {
  patch: string;
  target: { kind: string; name: string };
}

function instance(options: Partial<Parameters<typeof flux>[0]> = {}) {
  const values = helmValues(appOf(flux({ url, path, ...options }), "flux-instance")) as {
    instance: Record<string, unknown> & { kustomize: { patches: Patch[] } };
  };
  return values.instance;
}

/** The flags the patch for one controller appends. */
function args(controller: string, options: Partial<Parameters<typeof flux>[0]> = {}): string[] {
  const patch = instance(options).kustomize.patches.find((p) => p.target.name === controller);
  const ops = parse(patch?.patch ?? "[]") as { op: string; path: string; value: unknown }[];
  return ops.filter((op) => op.path.endsWith("/args/-")).map((op) => String(op.value));
}

describe("flux", () => {
  it("renders the README example", async () => {
    // GIVEN the README example
    // README:start
    const gitops = flux({ url: "https://github.com/k8s-ops/k8s-ops", path: "clusters/infra/flux" });
    // README:end
    // WHEN it is rendered THEN the YAML validates and matches the reviewed snapshot
    const yaml = componentYaml(gitops);
    await expect(yaml).toMatchFileSnapshot("__snapshots__/flux.default.yaml");
    // AND the README shows this very example and the start of its YAML
    expect(readmeShows(README, fileURLToPath(import.meta.url))).toBe(true);
    const [start = "", ...excerpts] = readmeYaml(README).split(/^ *# …\n/m);
    expect(yaml.slice(0, start.length)).toBe(start);
    for (const excerpt of excerpts) expect(yaml).toContain(excerpt);
  });

  it("installs flux-operator with its CRDs and waits for it", () => {
    // GIVEN the default component WHEN built
    const operator = appOf(flux({ url, path }), "flux-operator");
    // THEN the operator app provides the FluxInstance CRD group and gates its dependents on health
    expect(operator.namespace).toBe("flux-system");
    expect(operator.crds).toEqual(["fluxcd.controlplane.io/*"]);
    expect(operator.wait).toBe(true);
    expect(helmValues(operator)).toEqual({ installCRDs: true, priorityClassName: "system-cluster-critical" });
  });

  it("pins flux-instance to the operator's chart version, in a stage after the operator", () => {
    // GIVEN the default component WHEN rendered
    const rendered = renderComponents([flux({ url, path })]);
    const stages = parseAllDocuments(rendered.files.get("apps/flux-system/flux-operator/ks.yaml") ?? "").map(
      (d) => d.toJS(),
    ) as { metadata: { name: string }; spec: Record<string, unknown> }[];
    const instanceKs = stages.find((ks) => ks.metadata.name === "flux-instance");
    // THEN both charts carry one version and the instance stage depends on the operator
    expect(FLUX_INSTANCE_CHART.tag).toBe(FLUX_OPERATOR_CHART.tag);
    expect(FLUX_OPERATOR_CHART.tag).toBe("0.58.1");
    expect(rendered.files.get("apps/flux-system/flux-operator/instance/ocirepository.yaml")).toContain(
      "tag: 0.58.1",
    );
    expect(stages.map((ks) => ks.metadata.name)).toEqual(["flux-instance", "flux-operator"]);
    expect(instanceKs?.spec.dependsOn).toEqual([{ name: "flux-operator", namespace: "flux-system" }]);
    expect(instanceKs?.spec.path).toBe("./clusters/test/apps/flux-system/flux-operator/instance");
  });

  it("describes a FluxInstance with the four controllers syncing the cluster's entry hourly", () => {
    // GIVEN the default component WHEN built THEN the instance values carry distribution, cluster and sync
    expect(instance()).toMatchObject({
      cluster: { domain: "cluster.local", networkPolicy: true, type: "kubernetes" },
      components: ["source-controller", "kustomize-controller", "helm-controller", "notification-controller"],
      distribution: { registry: "ghcr.io/fluxcd", version: "2.x" },
      sync: { interval: "1h", kind: "GitRepository", path, ref: "refs/heads/main", url },
    });
  });

  it("tunes the controllers: concurrency, dependency requeue, Helm cache, feature gates, SOPS, memory builds", () => {
    // GIVEN the default component WHEN built
    const kustomize = instance().kustomize.patches.find((p) => p.target.name === "kustomize-controller");
    // THEN each controller gets the community's flags
    expect(args("source-controller")).toEqual([
      "--concurrent=10",
      "--requeue-dependency=5s",
      "--helm-cache-max-size=10",
      "--helm-cache-purge-interval=5m",
      "--helm-cache-ttl=60m",
    ]);
    expect(args("kustomize-controller")).toEqual([
      "--concurrent=10",
      "--requeue-dependency=5s",
      "--feature-gates=CacheSecretsAndConfigMaps=true,CancelHealthCheckOnNewRevision=true",
      "--sops-age-secret=sops-age",
      "--watch-configs-label-selector=owner!=helm",
    ]);
    expect(args("helm-controller")).toContain(
      "--feature-gates=CacheSecretsAndConfigMaps=true,CancelHealthCheckOnNewRevision=true,DefaultToRetryOnFailure=true,DisableChartDigestTracking=true,OOMWatch=true",
    );
    expect(parse(kustomize?.patch ?? "")).toContainEqual({
      op: "replace",
      path: "/spec/template/spec/volumes/0",
      value: { emptyDir: { medium: "Memory" }, name: "temp" },
    });
  });

  it("keeps cross-namespace references allowed: app Kustomizations use the flux-system source", () => {
    // GIVEN the default component WHEN built THEN no controller gets the multi-tenancy lockdown flag
    const all = ["source-controller", "kustomize-controller", "helm-controller"].flatMap((c) => args(c));
    expect(all.some((flag) => flag.startsWith("--no-cross-namespace-refs"))).toBe(false);
  });

  it("renders no notifications and no Receiver unless asked", () => {
    // GIVEN the default component WHEN built THEN only the operator and the instance are there
    const gitops = flux({ url, path });
    expect(gitops.apps.map((a) => a.name)).toEqual(["flux-operator", "flux-instance"]);
    expect(gitops.webhookReceiver).toBeUndefined();
  });
});

describe("flux options", () => {
  it("url and path: sync another repository and folder", () => {
    // GIVEN the apps cluster's entry in a fork WHEN built THEN the sync follows
    expect(
      instance({ url: "ssh://git@github.com/acme/platform", path: "clusters/apps/flux" }).sync,
    ).toMatchObject({
      path: "clusters/apps/flux",
      url: "ssh://git@github.com/acme/platform",
    });
  });

  it("branch: syncs another branch", () => {
    // GIVEN a branch WHEN built THEN the sync ref names it
    expect(instance({ branch: "staging" }).sync).toMatchObject({ ref: "refs/heads/staging" });
  });

  it("pullSecret: authenticates the sync source", () => {
    // GIVEN a deploy key Secret WHEN built THEN the sync uses it
    expect(instance({ pullSecret: "github-deploy-key" }).sync).toMatchObject({
      pullSecret: "github-deploy-key",
    });
    expect(instance().sync).not.toHaveProperty("pullSecret");
  });

  it("version and registry: pin the distribution", () => {
    // GIVEN a minor line and a mirror WHEN built THEN the distribution follows
    expect(instance({ version: "2.7.x", registry: "registry.example.com/fluxcd" }).distribution).toEqual({
      registry: "registry.example.com/fluxcd",
      version: "2.7.x",
    });
  });

  it("networkPolicy and clusterDomain: shape the cluster block", () => {
    // GIVEN no Flux policies and another domain WHEN built THEN the cluster block follows
    expect(instance({ networkPolicy: false, clusterDomain: "infra.local" }).cluster).toEqual({
      domain: "infra.local",
      networkPolicy: false,
      type: "kubernetes",
    });
  });

  it("concurrency: sets every controller's workers", () => {
    // GIVEN 20 workers WHEN built THEN the three patched controllers get them
    for (const controller of ["source-controller", "kustomize-controller", "helm-controller"]) {
      expect(args(controller, { concurrency: 20 })).toContain("--concurrent=20");
    }
  });

  it("sopsAgeSecret: names the age key Secret", () => {
    // GIVEN another Secret name WHEN built THEN kustomize-controller reads it
    expect(args("kustomize-controller", { sopsAgeSecret: "age-key" })).toContain("--sops-age-secret=age-key");
  });
});
