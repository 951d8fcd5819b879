// Hand-written: system-upgrade-controller publishes no CRD file to generate from. Only the fields this
// platform sets on its Talos and Kubernetes upgrade plans.
import type { ILabelSelector } from "@kubernetes-models/apimachinery/apis/meta/v1/LabelSelector";
import type { IObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";
import { createTypeMetaGuard, Model, type ModelData, type TypeMeta } from "@kubernetes-models/base";
import { runValidateFunc } from "@kubernetes-models/validate";
import { checkTypeMeta, createValidate, type Issues, type JsonObject } from "../../check.js";
import type { EnvVar, Toleration } from "../../kube.js";

/** A Secret mounted into the upgrade job. */
export interface PlanSecret {
  name: string;
  /** Mount path in the job's containers. */
  path?: string;
  /** Do not re-run the plan when the Secret changes. */
  ignoreUpdates?: boolean;
}

/** The container that performs the upgrade on each selected node. */
export interface PlanUpgrade {
  image: string;
  command?: string[];
  args?: string[];
  envs?: EnvVar[];
}

export interface PlanSpec {
  /** How many nodes upgrade at the same time. */
  concurrency?: number;
  /** The nodes to upgrade. */
  nodeSelector?: ILabelSelector;
  serviceAccountName?: string;
  secrets?: PlanSecret[];
  /** The version to upgrade to: the tag of the upgrade image, and `SYSTEM_UPGRADE_PLAN_LATEST_VERSION` in the job. */
  version: string;
  upgrade: PlanUpgrade;
  tolerations?: Toleration[];
  /** Run no other exclusive plan at the same time. */
  exclusive?: boolean;
  /** Wait this long after a node completes before the next one starts, e.g. `"2m"`. */
  postCompleteDelay?: string;
}

/** A system-upgrade-controller Plan (upgrade.cattle.io/v1). */
export interface IPlan extends TypeMeta {
  apiVersion: "upgrade.cattle.io/v1";
  kind: "Plan";
  metadata: IObjectMeta;
  spec: PlanSpec;
}

function checkUpgrade(issues: Issues, value: unknown): void {
  const upgrade = issues.object(value, "/spec/upgrade");
  if (!upgrade) return;
  issues.required(upgrade, "/spec/upgrade", ["image"]);
  issues.fields(upgrade, "/spec/upgrade", { image: "string", command: "array", args: "array" });
  for (const [env, at] of issues.objects(upgrade.envs, "/spec/upgrade/envs")) {
    issues.required(env, at, ["name"]);
    issues.fields(env, at, { name: "string", value: "string", valueFrom: "object" });
  }
}

function checkSpec(issues: Issues, spec: JsonObject): void {
  issues.required(spec, "/spec", ["version", "upgrade"]);
  issues.fields(spec, "/spec", {
    concurrency: "integer",
    nodeSelector: "object",
    serviceAccountName: "string",
    version: "string",
    exclusive: "boolean",
    postCompleteDelay: "string",
  });
  issues.minimum(spec.concurrency, "/spec/concurrency", 1);
  for (const [secret, at] of issues.objects(spec.secrets, "/spec/secrets")) {
    issues.required(secret, at, ["name"]);
    issues.fields(secret, at, { name: "string", path: "string", ignoreUpdates: "boolean" });
  }
  issues.objects(spec.tolerations, "/spec/tolerations");
  checkUpgrade(issues, spec.upgrade);
}

const validatePlan = createValidate<IPlan>((data, issues) => {
  const object = checkTypeMeta(issues, data, "upgrade.cattle.io/v1", "Plan");
  const spec = object && issues.object(object.spec, "/spec");
  if (spec) checkSpec(issues, spec);
});

export class Plan extends Model<IPlan> implements IPlan {
  declare apiVersion: IPlan["apiVersion"];
  declare kind: IPlan["kind"];
  declare metadata: IObjectMeta;
  declare spec: PlanSpec;

  static readonly apiVersion: IPlan["apiVersion"] = "upgrade.cattle.io/v1";
  static readonly kind: IPlan["kind"] = "Plan";
  static readonly is = createTypeMetaGuard<IPlan>(Plan);

  constructor(data: ModelData<IPlan>) {
    super();
    this.apiVersion = Plan.apiVersion;
    this.kind = Plan.kind;
    this.setDefinedProps(data);
  }

  /** Checks the fields this model requires; throws a ValidationError listing every problem. */
  override validate(): void {
    runValidateFunc(validatePlan, this.toJSON());
  }
}
