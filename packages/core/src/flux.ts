import { HelmRelease } from "@kubernetes-models/flux-cd/helm.toolkit.fluxcd.io/v2/HelmRelease";
import { Kustomization } from "@kubernetes-models/flux-cd/kustomize.toolkit.fluxcd.io/v1/Kustomization";
import { HelmChart } from "@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1/HelmChart";
import { HelmRepository } from "@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1/HelmRepository";
import { OCIRepository } from "@kubernetes-models/flux-cd/source.toolkit.fluxcd.io/v1/OCIRepository";
import { ConfigMap } from "kubernetes-models/v1/ConfigMap";
import { Namespace } from "kubernetes-models/v1/Namespace";
import type { App } from "./app.js";
import type { KubeObject } from "./object.js";
import type { AppId } from "./refs.js";
import { toYaml } from "./render/yaml.js";

/** The GitRepository flux-operator's FluxInstance creates for this repository. */
export const FLUX_SOURCE = { kind: "GitRepository", name: "flux-system", namespace: "flux-system" } as const;

export const HELM_CHART_MEDIA_TYPE = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";

/** A Helm chart in an OCI registry, pinned to an exact tag (and, optionally, its digest). */
export interface ChartSource {
  /** `oci://registry/path/chart` */
  readonly url: string;
  readonly tag: string;
  readonly digest?: string;
}

export function ociRepository(name: string, chart: ChartSource): OCIRepository {
  return new OCIRepository({
    metadata: { name },
    spec: {
      interval: "15m",
      layerSelector: { mediaType: HELM_CHART_MEDIA_TYPE, operation: "copy" },
      ref: chart.digest ? { digest: chart.digest, tag: chart.tag } : { tag: chart.tag },
      url: chart.url,
    },
  });
}

/**
 * A chart from a classic HTTPS Helm repository, pinned to an exact version: only for charts their project does not
 * publish to an OCI registry (GitLab's, for one).
 */
export interface RepositoryChartSource {
  /** `https://charts.example.org` */
  readonly repository: string;
  readonly chart: string;
  readonly version: string;
}

export type AnyChartSource = ChartSource | RepositoryChartSource;

export function isRepositoryChart(chart: AnyChartSource): chart is RepositoryChartSource {
  return "repository" in chart;
}

/** The HelmRepository and the HelmChart a release's chartRef names, both called `name`. */
export function repositoryChart(name: string, chart: RepositoryChartSource): [HelmRepository, HelmChart] {
  return [
    new HelmRepository({ metadata: { name }, spec: { interval: "1h", url: chart.repository } }),
    new HelmChart({
      metadata: { name },
      spec: {
        chart: chart.chart,
        interval: "15m",
        sourceRef: { kind: "HelmRepository", name },
        version: chart.version,
      },
    }),
  ];
}

/** The source objects of a chart, and the kind a HelmRelease's chartRef names. */
export function chartSource(
  name: string,
  chart: AnyChartSource,
): { kind: ChartRefKind; objects: KubeObject[] } {
  if (isRepositoryChart(chart)) return { kind: "HelmChart", objects: repositoryChart(name, chart) };
  return { kind: "OCIRepository", objects: [ociRepository(name, chart)] };
}

export type ChartRefKind = "OCIRepository" | "HelmChart";

/**
 * How a HelmRelease whose chartRef names no source is reported, by core's validation and by the checks alike;
 * `target` is the `namespace/name` it names.
 */
export function unresolvedChartRef(kind: unknown, target: string): { message: string; expected: string } {
  const source: ChartRefKind = kind === "HelmChart" ? "HelmChart" : "OCIRepository";
  const article = source === "HelmChart" ? "a" : "an";
  return {
    message: `chartRef names no ${source} in the release's namespace`,
    expected: `${article} ${source} ${target} rendered in this cluster`,
  };
}

/** Values Flux reads from a ConfigMap or Secret in the release's namespace, merged before the inline values. */
export interface ValuesReference {
  readonly kind: "ConfigMap" | "Secret";
  readonly name: string;
  /** @default "values.yaml" */
  readonly valuesKey?: string;
  /** Where in the values the key's content goes (e.g. `tls.ca.cert`). @default the values root */
  readonly targetPath?: string;
  /** Install even while the object is missing. @default false */
  readonly optional?: boolean;
}

export interface HelmReleaseOptions {
  readonly name: string;
  /** Name of the OCIRepository (or HelmChart) with the chart. @default name */
  readonly chartRef?: string;
  /** @default "OCIRepository" */
  readonly chartRefKind?: ChartRefKind;
  readonly values?: Record<string, unknown>;
  readonly releaseName?: string;
  readonly timeout?: string;
  readonly valuesFrom?: readonly ValuesReference[];
}

export function helmRelease(options: HelmReleaseOptions): HelmRelease {
  return new HelmRelease({
    metadata: { name: options.name },
    spec: {
      chartRef: { kind: options.chartRefKind ?? "OCIRepository", name: options.chartRef ?? options.name },
      interval: "1h",
      releaseName: options.releaseName,
      timeout: options.timeout,
      values: options.values,
      valuesFrom: options.valuesFrom?.length ? options.valuesFrom.map((ref) => ({ ...ref })) : undefined,
    },
  });
}

/** The Flux Kustomization of one app, as it stands in the app's ks.yaml. */
export function appKustomization(app: App, path: string, dependsOn: readonly AppId[]): Kustomization {
  // spec.components are relative to spec.path: apps/<namespace>/<folder>/<dir> is four levels below the cluster.
  const components = app.components.map((component) => `../../../../components/${component.name}`);
  return new Kustomization({
    metadata: { name: app.name },
    spec: {
      components: components.length > 0 ? components : undefined,
      dependsOn:
        dependsOn.length > 0
          ? dependsOn.map((id) => ({ name: id.name, namespace: id.namespace }))
          : undefined,
      healthCheckExprs: app.healthCheckExprs.length > 0 ? [...app.healthCheckExprs] : undefined,
      healthChecks: app.healthChecks.length > 0 ? [...app.healthChecks] : undefined,
      interval: "1h",
      path,
      postBuild: Object.keys(app.substitute).length > 0 ? { substitute: { ...app.substitute } } : undefined,
      prune: app.prune,
      retryInterval: "2m",
      sourceRef: { ...FLUX_SOURCE },
      targetNamespace: app.namespace,
      timeout: app.timeout,
      wait: app.wait,
    },
  });
}

/**
 * Set on every HelmRelease of the cluster through the entry Kustomization, so no app repeats them: CRDs created and
 * replaced on install and upgrade, failed upgrades remediated, failed resources cleaned up.
 */
export const HELM_RELEASE_DEFAULTS = {
  install: { crds: "CreateReplace", strategy: { name: "RetryOnFailure" } },
  rollback: { cleanupOnFail: true, recreate: true },
  upgrade: {
    cleanupOnFail: true,
    crds: "CreateReplace",
    remediation: { remediateLastFailure: true, retries: 2 },
    strategy: { name: "RemediateOnFailure" },
  },
} as const;

export const CLUSTER_SETTINGS = "cluster-settings";
export const CLUSTER_SECRETS = "cluster-secrets";

function patchDocument(apiVersion: string, kind: string, spec: unknown): string {
  return toYaml({ apiVersion, kind, metadata: { name: "_" }, spec });
}

/**
 * The cluster's entry point (`cluster-apps` in flux-system): applies `apps/` and patches every child Kustomization
 * with the cluster's substitution sources and, one level down, every HelmRelease with the defaults above.
 */
export function clusterEntry(appsPath: string, decryption: boolean): Kustomization {
  const helmPatch = patchDocument("helm.toolkit.fluxcd.io/v2", "HelmRelease", HELM_RELEASE_DEFAULTS);
  const childSpec = {
    patches: [{ patch: helmPatch, target: { group: "helm.toolkit.fluxcd.io", kind: "HelmRelease" } }],
    postBuild: {
      substituteFrom: [
        { kind: "ConfigMap", name: CLUSTER_SETTINGS },
        { kind: "Secret", name: CLUSTER_SECRETS, optional: true },
      ],
    },
    ...(decryption ? { decryption: { provider: "sops" } } : {}),
  };
  const childPatch = patchDocument("kustomize.toolkit.fluxcd.io/v1", "Kustomization", childSpec);
  return new Kustomization({
    metadata: { name: "cluster-apps", namespace: "flux-system" },
    spec: {
      decryption: decryption ? { provider: "sops" } : undefined,
      interval: "1h",
      path: appsPath,
      patches: [
        { patch: childPatch, target: { group: "kustomize.toolkit.fluxcd.io", kind: "Kustomization" } },
      ],
      prune: true,
      retryInterval: "2m",
      sourceRef: { kind: "GitRepository", name: "flux-system" },
      wait: false,
    },
  });
}

/** A namespace Flux creates and never deletes. */
export function namespace(name: string, labels: Readonly<Record<string, string>> = {}): Namespace {
  return new Namespace({
    metadata: {
      annotations: { "kustomize.toolkit.fluxcd.io/prune": "disabled" },
      labels: Object.keys(labels).length > 0 ? { ...labels } : undefined,
      name,
    },
  });
}

export function clusterSettingsConfigMap(variables: Readonly<Record<string, string>>): ConfigMap {
  return new ConfigMap({ data: { ...variables }, metadata: { name: CLUSTER_SETTINGS } });
}
