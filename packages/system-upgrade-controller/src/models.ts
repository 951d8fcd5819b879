/**
 * Typed models for the two custom kinds this package renders and no @kubernetes-models package covers: the
 * system-upgrade-controller `Plan` (upgrade.cattle.io/v1) and the Talos `ServiceAccount` (talos.dev/v1alpha1).
 * Only the fields set here are typed. They implement core's `KubeObject` directly because
 * `@kubernetes-models/base` (the `Model` class the generated models extend) is not a dependency of this package;
 * `validate()` checks the fields the CRDs require and reports them the way schema validation does.
 */
import type { KubeObject } from "@k8s-ops/core";
import type { IEnvVar } from "kubernetes-models/v1/EnvVar";
import type { IToleration } from "kubernetes-models/v1/Toleration";

/** Object metadata, typed as the @kubernetes-models classes type it. */
export type ObjectMeta = NonNullable<KubeObject["metadata"]>;

/** One validation error, in the shape core turns into a finding (as ajv reports schema errors). */
export interface ModelError {
  readonly instancePath: string;
  readonly keyword: string;
  readonly message: string;
  readonly params: Record<string, unknown>;
}

export class ModelValidationError extends Error {
  override name = "ModelValidationError";
  readonly errors: readonly ModelError[];

  constructor(kind: string, errors: readonly ModelError[]) {
    super(`${kind} is invalid: ${errors.map((e) => `${e.instancePath || "/"} ${e.message}`).join("; ")}`);
    this.errors = errors;
  }
}

export interface LabelSelectorRequirement {
  readonly key: string;
  readonly operator: "In" | "NotIn" | "Exists" | "DoesNotExist";
  readonly values?: readonly string[];
}

export interface PlanContainer {
  readonly image: string;
  readonly args?: readonly string[];
  readonly envs?: readonly IEnvVar[];
}

export interface PlanSecret {
  readonly name: string;
  /** Where the Secret is mounted in the Plan's containers. */
  readonly path?: string;
  /** Do not re-run the Plan when the Secret changes. */
  readonly ignoreUpdates?: boolean;
}

export interface IPlanSpec {
  /** The version to upgrade to: the tag of untagged images and `$(SYSTEM_UPGRADE_PLAN_LATEST_VERSION)`. */
  readonly version: string;
  readonly concurrency?: number;
  readonly exclusive?: boolean;
  readonly postCompleteDelay?: string;
  readonly serviceAccountName?: string;
  readonly secrets?: readonly PlanSecret[];
  readonly nodeSelector?: { readonly matchExpressions: readonly LabelSelectorRequirement[] };
  readonly tolerations?: readonly IToleration[];
  readonly prepare?: PlanContainer;
  readonly upgrade: PlanContainer;
}

export interface IPlan {
  readonly apiVersion: "upgrade.cattle.io/v1";
  readonly kind: "Plan";
  metadata: ObjectMeta;
  readonly spec: IPlanSpec;
}

/** A system-upgrade-controller Plan: Jobs that run `upgrade` (after `prepare`) on each selected node. */
export class Plan implements KubeObject, IPlan {
  static readonly apiVersion: IPlan["apiVersion"] = "upgrade.cattle.io/v1";
  static readonly kind: IPlan["kind"] = "Plan";
  readonly apiVersion: IPlan["apiVersion"] = Plan.apiVersion;
  readonly kind: IPlan["kind"] = Plan.kind;
  metadata: ObjectMeta;
  readonly spec: IPlanSpec;

  constructor(data: Omit<IPlan, "apiVersion" | "kind">) {
    this.metadata = data.metadata;
    this.spec = data.spec;
  }

  toJSON(): unknown {
    return compact({
      apiVersion: this.apiVersion,
      kind: this.kind,
      metadata: this.metadata,
      spec: this.spec,
    });
  }

  validate(): void {
    const errors = [
      ...requireText("/metadata", this.metadata, "name"),
      ...requireText("/spec", this.spec, "version"),
      ...requireText("/spec/upgrade", this.spec.upgrade, "image"),
      ...(this.spec.prepare ? requireText("/spec/prepare", this.spec.prepare, "image") : []),
      ...(this.spec.secrets ?? []).flatMap((secret, i) => requireText(`/spec/secrets/${i}`, secret, "name")),
    ];
    const { concurrency } = this.spec;
    if (concurrency !== undefined && (!Number.isInteger(concurrency) || concurrency < 1)) {
      errors.push({
        instancePath: "/spec/concurrency",
        keyword: "minimum",
        message: "must be an integer >= 1",
        params: { comparison: ">=", limit: 1 },
      });
    }
    if (errors.length > 0) throw new ModelValidationError(this.kind, errors);
  }
}

/** The Talos API roles a Talos ServiceAccount may hold. */
export type TalosRole = "os:admin" | "os:operator" | "os:reader" | "os:etcd:backup";

export interface ITalosServiceAccount {
  readonly apiVersion: "talos.dev/v1alpha1";
  readonly kind: "ServiceAccount";
  metadata: ObjectMeta;
  readonly spec: { readonly roles: readonly TalosRole[] };
}

/**
 * A Talos ServiceAccount: Talos answers it with a Secret of the same name holding a talosconfig (key `config`) for
 * the given roles. Served only where the machine configuration enables `kubernetesTalosAPIAccess` for the namespace.
 */
export class TalosServiceAccount implements KubeObject, ITalosServiceAccount {
  static readonly apiVersion: ITalosServiceAccount["apiVersion"] = "talos.dev/v1alpha1";
  static readonly kind: ITalosServiceAccount["kind"] = "ServiceAccount";
  readonly apiVersion: ITalosServiceAccount["apiVersion"] = TalosServiceAccount.apiVersion;
  readonly kind: ITalosServiceAccount["kind"] = TalosServiceAccount.kind;
  metadata: ObjectMeta;
  readonly spec: ITalosServiceAccount["spec"];

  constructor(data: Omit<ITalosServiceAccount, "apiVersion" | "kind">) {
    this.metadata = data.metadata;
    this.spec = data.spec;
  }

  toJSON(): unknown {
    return compact({
      apiVersion: this.apiVersion,
      kind: this.kind,
      metadata: this.metadata,
      spec: this.spec,
    });
  }

  validate(): void {
    const errors = requireText("/metadata", this.metadata, "name");
    if (this.spec.roles.length === 0) {
      errors.push({
        instancePath: "/spec/roles",
        keyword: "minItems",
        message: "must NOT have fewer than 1 items",
        params: { comparison: ">=", limit: 1 },
      });
    }
    if (errors.length > 0) throw new ModelValidationError(this.kind, errors);
  }
}

function requireText(path: string, value: object, field: string): ModelError[] {
  const found: unknown = Object.entries(value).find(([key]) => key === field)?.[1];
  if (typeof found === "string" && found !== "") return [];
  return [
    {
      instancePath: path,
      keyword: "required",
      message: `must have required property '${field}'`,
      params: { missingProperty: field },
    },
  ];
}

/** A JSON copy without undefined fields, as the @kubernetes-models classes serialise. */
function compact(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(compact);
  if (value === null || typeof value !== "object") return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== undefined)
      .map(([k, v]) => [k, compact(v)]),
  );
}
