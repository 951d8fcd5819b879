import { existsSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

/** The workspace package that builds a component, as its package.json names it. */
export interface PackageSource {
  readonly name: string;
  readonly version: string;
}

/**
 * Set on every object a component renders into a cluster, so that `kubectl get -o yaml` on a live object names the
 * package and version that produced it: `@k8s-ops/cilium@1.4.0`.
 */
export const PROVENANCE_ANNOTATION = "k8s-ops.dev/source";

/** Manifests read so far, by folder: a package with several builder modules reads its package.json once. */
const sources = new Map<string, PackageSource>();

/**
 * The package a module belongs to: the nearest package.json above it. Called once per builder module, with its
 * own `import.meta.url`, so it holds from the sources (tests) and from `dist/` alike.
 */
export function packageOf(moduleUrl: string): PackageSource {
  const start = dirname(fileURLToPath(moduleUrl));
  for (let dir = start; ; dir = dirname(dir)) {
    const known = sources.get(dir);
    if (known) return known;
    const manifest = join(dir, "package.json");
    if (existsSync(manifest)) {
      const source = readSource(manifest);
      sources.set(dir, source);
      return source;
    }
    if (dirname(dir) === dir) throw new Error(`no package.json above ${start}`);
  }
}

function readSource(manifest: string): PackageSource {
  const { name, version } = JSON.parse(readFileSync(manifest, "utf8")) as Partial<PackageSource>;
  if (typeof name !== "string" || typeof version !== "string")
    throw new Error(`${manifest} has no name and version, so it cannot name what a component renders`);
  return { name, version };
}

export function provenanceValue(source: PackageSource): string {
  return `${source.name}@${source.version}`;
}

/** Reads `@scope/name@1.2.3` back; undefined for anything else. */
export function parseProvenance(value: unknown): PackageSource | undefined {
  if (typeof value !== "string") return undefined;
  const at = value.lastIndexOf("@");
  if (at <= 0) return undefined;
  return { name: value.slice(0, at), version: value.slice(at + 1) };
}

/** A copy of an object's JSON carrying the provenance annotation, after the annotations it had. */
export function withProvenance(json: Record<string, unknown>, value: string): Record<string, unknown> {
  const metadata = (json.metadata ?? {}) as Record<string, unknown>;
  const annotations = (metadata.annotations ?? {}) as Record<string, string>;
  return {
    ...json,
    metadata: { ...metadata, annotations: { ...annotations, [PROVENANCE_ANNOTATION]: value } },
  };
}
