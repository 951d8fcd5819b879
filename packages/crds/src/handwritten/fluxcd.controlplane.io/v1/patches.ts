import type { Issues } from "../../check.js";

/** Which objects a kustomize patch applies to (names are regular expressions). */
export interface KustomizePatchTarget {
  group?: string;
  version?: string;
  kind?: string;
  name?: string;
  labelSelector?: string;
  annotationSelector?: string;
}

/** A strategic-merge or JSON6902 patch, as YAML text. */
export interface KustomizePatch {
  patch: string;
  target?: KustomizePatchTarget;
}

export function checkPatches(issues: Issues, value: unknown, path: string): void {
  for (const [patch, at] of issues.objects(value, path)) {
    issues.required(patch, at, ["patch"]);
    issues.fields(patch, at, { patch: "string", target: "object" });
  }
}
