import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** The repository's `.sops.yaml`, if it has one. */
export function readSopsConfig(repoRoot: string): string | undefined {
  const path = join(repoRoot, ".sops.yaml");
  return existsSync(path) ? readFileSync(path, "utf8") : undefined;
}
