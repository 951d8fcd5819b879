import { createHash } from "node:crypto";
import { type CheckFinding, finding, formatCheckFinding } from "@k8s-ops/checks";
import { MANIFEST_FILE } from "@k8s-ops/core";
import { type Output, severityLabel } from "../output.js";
import { readTreeAt } from "./git.js";

/** The files committed at `ref` under a cluster's `root`, warning on stderr when they do not match their manifest. */
export function committedTree(
  repoRoot: string,
  ref: string,
  root: string,
  output: Output,
): Map<string, string> {
  const tree = readTreeAt(repoRoot, ref, root);
  for (const warning of baseTreeFindings(root, ref, tree))
    output.err(`${severityLabel(warning)} ${formatCheckFinding(warning)}`);
  return tree;
}

/**
 * The base side of `diff` and `changes` is the tree committed at the revision, not a render of its source: CI's
 * `render --check` keeps the two equal on every commit. What can be checked cheaply is that the committed files are
 * the ones the manifest committed beside them lists, with the same hashes; a warning says where they are not.
 */
export function baseTreeFindings(
  root: string,
  ref: string,
  tree: ReadonlyMap<string, string>,
): CheckFinding[] {
  if (tree.size === 0) return [];
  const listed = manifestFiles(tree.get(MANIFEST_FILE));
  if (!listed) return [stale(root, ref, `no readable ${MANIFEST_FILE}`)];
  const off = Object.entries(listed).flatMap(([path, hash]) => {
    const content = tree.get(path);
    if (content === undefined) return [`${path} (missing)`];
    return sha256(content) === hash ? [] : [`${path} (changed)`];
  });
  if (off.length === 0) return [];
  const more = off.length > 3 ? `, and ${off.length - 3} more` : "";
  return [stale(root, ref, `${off.slice(0, 3).join(", ")}${more}`)];
}

function manifestFiles(text: string | undefined): Record<string, string> | undefined {
  if (text === undefined) return undefined;
  try {
    return (JSON.parse(text) as { files?: Record<string, string> }).files ?? {};
  } catch {
    return undefined;
  }
}

/** The hash core's manifest keeps of each generated file. */
function sha256(content: string): string {
  return createHash("sha256").update(content).digest("hex");
}

function stale(root: string, ref: string, found: string): CheckFinding {
  return finding(
    "TREE_DRIFT",
    `${root} at ${ref}`,
    `the tree committed at ${ref} does not match its manifest, so it may not be a render of ${ref}; it is compared as committed`,
    {
      severity: "warning",
      expected: "every file the manifest lists, with the content it hashed",
      found,
      hint: `render and commit the tree at ${ref} (CI's render --check keeps every commit's tree equal to a fresh render)`,
    },
  );
}
