import type { App } from "./app.js";
import type { KubeObject } from "./object.js";
import { describeObject } from "./object.js";
import { isClusterScoped } from "./validate/scope.js";

/** `cluster › namespace/app`: where a finding is, for people reading it. */
export function appPath(cluster: string, app: Pick<App, "name" | "namespace">): string {
  return `${cluster} › ${app.namespace}/${app.name}`;
}

export function objectPath(
  cluster: string,
  app: Pick<App, "name" | "namespace">,
  object: KubeObject,
): string {
  const namespace = isClusterScoped(object.kind) ? undefined : app.namespace;
  return `${appPath(cluster, app)} › ${describeObject(object, namespace)}`;
}
