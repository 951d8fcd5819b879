import { posix } from "node:path";
import type { ClusterView } from "../context.js";
import { type CheckFinding, finding } from "../finding.js";

const FLUX_FOLDERS = ["flux/", "apps/", "components/"];

/** §3: every YAML file of the Flux tree is listed by a kustomization.yaml that a Flux Kustomization builds. */
export function orphanFiles(cluster: ClusterView): CheckFinding[] {
  const findings: CheckFinding[] = [];
  for (const path of [...cluster.files.keys()].sort()) {
    if (!/\.ya?ml$/.test(path) || !FLUX_FOLDERS.some((f) => path.startsWith(f))) continue;
    if (posix.basename(path) === "kustomization.yaml") {
      if (!cluster.tree.folders.has(posix.dirname(path)))
        findings.push(orphan(cluster, path, "no Flux Kustomization builds this folder"));
    } else if (!cluster.tree.listed.has(path)) {
      findings.push(orphan(cluster, path, "no kustomization.yaml lists the file"));
    }
  }
  return findings;
}

function orphan(cluster: ClusterView, path: string, message: string): CheckFinding {
  return finding("ORPHAN_FILE", `${cluster.root}/${path}`, message, {
    expected: "every YAML file of the tree applied by Flux",
    found: "a file Flux never applies",
  });
}
