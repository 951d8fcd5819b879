import type { IObjectMeta } from "@kubernetes-models/apimachinery/apis/meta/v1/ObjectMeta";

/**
 * A Kubernetes object as the @kubernetes-models classes build it: apiVersion and kind set by the class,
 * `validate()` from the schema, `toJSON()` without undefined fields.
 */
export interface KubeObject {
  readonly apiVersion: string;
  readonly kind: string;
  metadata?: IObjectMeta;
  toJSON(): unknown;
  validate?(): void;
}

/** The API group of an apiVersion: "" for the core group. */
export function apiGroup(apiVersion: string): string {
  const slash = apiVersion.indexOf("/");
  return slash === -1 ? "" : apiVersion.slice(0, slash);
}

export function objectName(object: KubeObject): string {
  return object.metadata?.name ?? "";
}

/** `Kind namespace/name`, or `Kind name` for objects without a namespace. */
export function describeObject(object: KubeObject, namespace?: string): string {
  const ns = object.metadata?.namespace ?? namespace;
  return ns ? `${object.kind} ${ns}/${objectName(object)}` : `${object.kind} ${objectName(object)}`;
}
