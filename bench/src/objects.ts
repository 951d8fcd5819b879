import { readdir, readFile } from "node:fs/promises";
import { dirname, join, relative } from "node:path";
import { parseAllDocuments } from "yaml";

/** The Kubernetes objects of one rendered folder: what a peer tool gets to render in our place. */
export interface ObjectGroup {
  readonly dir: string;
  readonly objects: readonly Record<string, unknown>[];
}

/** Reads every generated YAML file under `root` back into objects, one group per folder; kustomize files aside. */
export async function renderedObjects(root: string): Promise<ObjectGroup[]> {
  const entries = await readdir(root, { recursive: true, withFileTypes: true });
  const groups = new Map<string, Record<string, unknown>[]>();
  const files = entries
    .filter((e) => e.isFile() && e.name.endsWith(".yaml") && e.name !== "kustomization.yaml")
    .map((e) => join(e.parentPath, e.name))
    .sort();
  for (const file of files) {
    const dir = relative(root, dirname(file)) || ".";
    const docs = parseAllDocuments(await readFile(file, "utf8"), { version: "1.1" });
    for (const doc of [docs].flat()) {
      const value = doc.toJS() as Record<string, unknown> | null;
      if (value && typeof value.apiVersion === "string" && typeof value.kind === "string") {
        groups.set(dir, [...(groups.get(dir) ?? []), value]);
      }
    }
  }
  return [...groups].map(([dir, objects]) => ({ dir, objects }));
}

export function objectCount(groups: readonly ObjectGroup[]): number {
  return groups.reduce((sum, group) => sum + group.objects.length, 0);
}
