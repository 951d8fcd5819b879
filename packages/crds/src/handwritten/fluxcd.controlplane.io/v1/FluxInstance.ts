// Hand-written (the upstream CRD is AGPL-3.0 and is not used to generate code): only the fields this platform
// sets on its FluxInstance.
import type { IObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
import { createTypeMetaGuard, Model, type ModelData, type TypeMeta } from "@kubernetes-models/base";
import { runValidateFunc } from "@kubernetes-models/validate";
import { checkTypeMeta, createValidate, type Issues, type JsonObject } from "../../check.js";
import { checkPatches, type KustomizePatch } from "./patches.js";

/** A Flux controller a FluxInstance can install. */
export type FluxComponent =
  | "source-controller"
  | "kustomize-controller"
  | "helm-controller"
  | "notification-controller"
  | "image-reflector-controller"
  | "image-automation-controller"
  | "source-watcher";

/** Every FluxComponent. */
export const FLUX_COMPONENTS: readonly FluxComponent[] = [
  "source-controller",
  "kustomize-controller",
  "helm-controller",
  "notification-controller",
  "image-reflector-controller",
  "image-automation-controller",
  "source-watcher",
];

export interface FluxDistribution {
  /** Flux version or semver range, e.g. `"2.7.x"`. */
  version: string;
  /** Registry of the controller images, e.g. `"ghcr.io/fluxcd"`. */
  registry: string;
  /** OCI artifact with the distribution manifests, e.g. `"oci://ghcr.io/controlplaneio-fluxcd/flux-operator-manifests"`. */
  artifact?: string;
  /** Image variant, e.g. `"upstream-alpine"`. */
  variant?: string;
}

export interface FluxCluster {
  type?: "kubernetes" | "openshift" | "aws" | "azure" | "gcp";
  /** Vertical scaling profile of the controllers. */
  size?: "small" | "medium" | "large";
  multitenant?: boolean;
  networkPolicy?: boolean;
  /** Cluster DNS domain, e.g. `"cluster.local"`. */
  domain?: string;
}

/** The source and Kustomization the instance creates to sync the cluster. */
export interface FluxSync {
  kind: "OCIRepository" | "GitRepository" | "Bucket";
  url: string;
  /** Git ref, OCI tag or bucket name. */
  ref: string;
  /** Path of the cluster's entry point in the source. */
  path: string;
  interval?: string;
  /** Secret with the source credentials. */
  pullSecret?: string;
  /** Name of the created source and Kustomization (default: the namespace's name). */
  name?: string;
}

export interface FluxInstanceSpec {
  distribution: FluxDistribution;
  components?: FluxComponent[];
  cluster?: FluxCluster;
  sync?: FluxSync;
  kustomize?: { patches?: KustomizePatch[] };
}

/** The Flux installation managed by flux-operator (one per cluster, named `flux`). */
export interface IFluxInstance extends TypeMeta {
  apiVersion: "fluxcd.controlplane.io/v1";
  kind: "FluxInstance";
  metadata: IObjectMeta;
  spec: FluxInstanceSpec;
}

function checkSpec(issues: Issues, spec: JsonObject): void {
  issues.required(spec, "/spec", ["distribution"]);
  const distribution = issues.object(spec.distribution, "/spec/distribution");
  if (distribution) {
    issues.required(distribution, "/spec/distribution", ["version", "registry"]);
    issues.fields(distribution, "/spec/distribution", {
      version: "string",
      registry: "string",
      artifact: "string",
    });
  }
  (issues.array(spec.components, "/spec/components") ?? []).forEach((component, index) => {
    issues.oneOf(component, `/spec/components/${index}`, FLUX_COMPONENTS);
  });
  const cluster = issues.object(spec.cluster, "/spec/cluster");
  if (cluster) {
    issues.oneOf(cluster.type, "/spec/cluster/type", ["kubernetes", "openshift", "aws", "azure", "gcp"]);
    issues.oneOf(cluster.size, "/spec/cluster/size", ["small", "medium", "large"]);
    issues.fields(cluster, "/spec/cluster", {
      multitenant: "boolean",
      networkPolicy: "boolean",
      domain: "string",
    });
  }
  const sync = issues.object(spec.sync, "/spec/sync");
  if (sync) {
    issues.required(sync, "/spec/sync", ["kind", "url", "ref", "path"]);
    issues.oneOf(sync.kind, "/spec/sync/kind", ["OCIRepository", "GitRepository", "Bucket"]);
    issues.fields(sync, "/spec/sync", { url: "string", ref: "string", path: "string", pullSecret: "string" });
  }
  const kustomize = issues.object(spec.kustomize, "/spec/kustomize");
  if (kustomize) checkPatches(issues, kustomize.patches, "/spec/kustomize/patches");
}

const validateFluxInstance = createValidate<IFluxInstance>((data, issues) => {
  const object = checkTypeMeta(issues, data, "fluxcd.controlplane.io/v1", "FluxInstance");
  const spec = object && issues.object(object.spec, "/spec");
  if (spec) checkSpec(issues, spec);
});

export class FluxInstance extends Model<IFluxInstance> implements IFluxInstance {
  declare apiVersion: IFluxInstance["apiVersion"];
  declare kind: IFluxInstance["kind"];
  declare metadata: IObjectMeta;
  declare spec: FluxInstanceSpec;

  static readonly apiVersion: IFluxInstance["apiVersion"] = "fluxcd.controlplane.io/v1";
  static readonly kind: IFluxInstance["kind"] = "FluxInstance";
  static readonly is = createTypeMetaGuard<IFluxInstance>(FluxInstance);

  constructor(data: ModelData<IFluxInstance>) {
    super();
    this.apiVersion = FluxInstance.apiVersion;
    this.kind = FluxInstance.kind;
    this.setDefinedProps(data);
  }

  /** Checks the fields this model requires; throws a ValidationError listing every problem. */
  override validate(): void {
    runValidateFunc(validateFluxInstance, this.toJSON());
  }
}
