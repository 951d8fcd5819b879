import { toYaml } from "@k8s-ops/core";
import type { ResolvedFluxOptions } from "./options.js";

/** The Flux controllers the instance runs. */
export const FLUX_COMPONENTS = [
  "source-controller",
  "kustomize-controller",
  "helm-controller",
  "notification-controller",
] as const;

type Controller = "source-controller" | "kustomize-controller" | "helm-controller";

/** Feature gates per controller: opt-in behaviour the community runs Flux with. */
export const FEATURE_GATES: Readonly<Record<Controller, readonly string[]>> = {
  "helm-controller": [
    "CacheSecretsAndConfigMaps",
    "CancelHealthCheckOnNewRevision",
    "DefaultToRetryOnFailure",
    "DisableChartDigestTracking",
    "OOMWatch",
  ],
  "kustomize-controller": ["CacheSecretsAndConfigMaps", "CancelHealthCheckOnNewRevision"],
  "source-controller": [],
};

/** The flags each controller gets on top of Flux's defaults. */
export function controllerArgs(o: ResolvedFluxOptions): Record<Controller, string[]> {
  const common = [`--concurrent=${o.concurrency}`, "--requeue-dependency=5s"];
  const gates = (controller: Controller) =>
    FEATURE_GATES[controller].length > 0
      ? [`--feature-gates=${FEATURE_GATES[controller].map((gate) => `${gate}=true`).join(",")}`]
      : [];
  return {
    "helm-controller": [
      ...common,
      ...gates("helm-controller"),
      "--oom-watch-interval=500ms",
      "--oom-watch-memory-threshold=95",
      "--watch-configs-label-selector=owner!=helm",
    ],
    "kustomize-controller": [
      ...common,
      ...gates("kustomize-controller"),
      `--sops-age-secret=${o.sopsAgeSecret}`,
      "--watch-configs-label-selector=owner!=helm",
    ],
    "source-controller": [
      ...common,
      "--helm-cache-max-size=10",
      "--helm-cache-purge-interval=5m",
      "--helm-cache-ttl=60m",
    ],
  };
}

interface Patch {
  readonly patch: string;
  readonly target: { readonly kind: "Deployment"; readonly name: string };
}

/**
 * One JSON6902 patch per controller appending its flags; kustomize-controller also builds in memory (its temp
 * volume becomes a memory-backed emptyDir).
 */
export function controllerPatches(o: ResolvedFluxOptions): Patch[] {
  const args = controllerArgs(o);
  const controllers: Controller[] = ["source-controller", "kustomize-controller", "helm-controller"];
  return controllers.map((controller) => {
    const ops: unknown[] = args[controller].map((value) => ({
      op: "add",
      path: "/spec/template/spec/containers/0/args/-",
      value,
    }));
    if (controller === "kustomize-controller") {
      ops.push({
        op: "replace",
        path: "/spec/template/spec/volumes/0",
        value: { emptyDir: { medium: "Memory" }, name: "temp" },
      });
    }
    return { patch: toYaml(ops), target: { kind: "Deployment", name: controller } };
  });
}

/** The flux-instance chart's values: the FluxInstance `flux` that installs Flux and syncs this cluster's entry. */
export function instanceValues(o: ResolvedFluxOptions): Record<string, unknown> {
  return {
    commonAnnotations: { "fluxcd.controlplane.io/reconcileArtifactEvery": "1h" },
    instance: {
      cluster: { domain: o.clusterDomain, networkPolicy: o.networkPolicy, type: "kubernetes" },
      components: [...FLUX_COMPONENTS],
      distribution: { registry: o.registry, version: o.version },
      kustomize: { patches: controllerPatches(o) },
      sync: {
        interval: "1h",
        kind: "GitRepository",
        path: o.path,
        ref: `refs/heads/${o.branch}`,
        url: o.url,
        ...(o.pullSecret ? { pullSecret: o.pullSecret } : {}),
      },
    },
  };
}
