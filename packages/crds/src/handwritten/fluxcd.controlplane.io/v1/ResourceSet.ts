// Hand-written (the upstream CRD is AGPL-3.0 and is not used to generate code): only the fields this platform
// sets on a ResourceSet.
import type { IObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
import { createTypeMetaGuard, Model, type ModelData, type TypeMeta } from "@kubernetes-models/base";
import { runValidateFunc } from "@kubernetes-models/validate";
import { checkTypeMeta, createValidate } from "../../check.js";

/** A Kubernetes object template; string fields may use `<< inputs.x >>` placeholders. */
export interface ResourceSetResource {
  apiVersion: string;
  kind: string;
  metadata?: { name?: string; namespace?: string; [field: string]: unknown };
  [field: string]: unknown;
}

export interface ResourceSetSpec {
  /** One set of values per instance of the resources: each object is rendered once per input. */
  inputs?: Record<string, unknown>[];
  /** The objects to render for each input. */
  resources?: ResourceSetResource[];
  /** The same as one multi-document YAML template. */
  resourcesTemplate?: string;
  /** Service account to impersonate when applying. */
  serviceAccountName?: string;
  /** Wait for the applied objects to become ready. */
  wait?: boolean;
}

/** A flux-operator ResourceSet: templated objects rendered once per input. */
export interface IResourceSet extends TypeMeta {
  apiVersion: "fluxcd.controlplane.io/v1";
  kind: "ResourceSet";
  metadata: IObjectMeta;
  spec: ResourceSetSpec;
}

const validateResourceSet = createValidate<IResourceSet>((data, issues) => {
  const object = checkTypeMeta(issues, data, "fluxcd.controlplane.io/v1", "ResourceSet");
  const spec = object && issues.object(object.spec, "/spec");
  if (!spec) return;
  issues.fields(spec, "/spec", {
    resourcesTemplate: "string",
    serviceAccountName: "string",
    wait: "boolean",
  });
  issues.objects(spec.inputs, "/spec/inputs");
  for (const [resource, at] of issues.objects(spec.resources, "/spec/resources")) {
    issues.required(resource, at, ["apiVersion", "kind"]);
    issues.fields(resource, at, { apiVersion: "string", kind: "string", metadata: "object" });
  }
});

export class ResourceSet extends Model<IResourceSet> implements IResourceSet {
  declare apiVersion: IResourceSet["apiVersion"];
  declare kind: IResourceSet["kind"];
  declare metadata: IObjectMeta;
  declare spec: ResourceSetSpec;

  static readonly apiVersion: IResourceSet["apiVersion"] = "fluxcd.controlplane.io/v1";
  static readonly kind: IResourceSet["kind"] = "ResourceSet";
  static readonly is = createTypeMetaGuard<IResourceSet>(ResourceSet);

  constructor(data: ModelData<IResourceSet>) {
    super();
    this.apiVersion = ResourceSet.apiVersion;
    this.kind = ResourceSet.kind;
    this.setDefinedProps(data);
  }

  /** Checks the fields this model requires; throws a ValidationError listing every problem. */
  override validate(): void {
    runValidateFunc(validateResourceSet, this.toJSON());
  }
}
