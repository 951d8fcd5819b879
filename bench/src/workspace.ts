import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** A workspace package: its name and the workspace packages it depends on. */
export interface WorkspacePackage {
  readonly name: string;
  readonly dir: string;
  readonly deps: readonly string[];
}

const GLOBS = ["packages", "clusters", "apps"];
const SINGLE = ["infrastructure", "talos", "bootstrap", "bench"];

/** The packages of the workspace under `root` (the folders pnpm-workspace.yaml lists). */
export function workspacePackages(root: string): WorkspacePackage[] {
  const dirs = [
    ...GLOBS.flatMap((glob) =>
      existsSync(join(root, glob)) ? readdirSync(join(root, glob)).map((name) => join(glob, name)) : [],
    ),
    ...SINGLE,
  ].filter((dir) => existsSync(join(root, dir, "package.json")));
  return dirs.map((dir) => {
    const json = JSON.parse(readFileSync(join(root, dir, "package.json"), "utf8")) as {
      name: string;
      dependencies?: Record<string, string>;
      devDependencies?: Record<string, string>;
    };
    const all = { ...json.dependencies, ...json.devDependencies };
    const deps = Object.entries(all)
      .filter(([, spec]) => spec.startsWith("workspace:"))
      .map(([name]) => name);
    return { name: json.name, dir, deps };
  });
}

/** `name` and every package that depends on it, directly or through others, sorted. */
export function dependents(packages: readonly WorkspacePackage[], name: string): string[] {
  const found = new Set([name]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const pkg of packages) {
      if (!found.has(pkg.name) && pkg.deps.some((dep) => found.has(dep))) {
        found.add(pkg.name);
        grew = true;
      }
    }
  }
  return [...found].sort();
}
