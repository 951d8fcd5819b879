import type { ClusterView } from "../context.js";
import { type CheckFinding, finding } from "../finding.js";
import { at, isObject } from "../tree/documents.js";
import { objectPath } from "../tree/model.js";

interface ImageUse {
  readonly field: string;
  readonly image: string;
  readonly problem: string;
}

/** No image we set is `latest` or without a tag: Helm values' repository/tag pairs and every `image:` string. */
export function unpinnedImages(cluster: ClusterView): CheckFinding[] {
  const findings: CheckFinding[] = [];
  for (const object of cluster.tree.objects) {
    const helm = object.kind === "HelmRelease";
    const uses = helm
      ? scan(at(object.json, "spec.values"), "spec.values", "", true)
      : scan(object.json.spec, "spec", "", false);
    for (const use of uses) {
      findings.push(
        finding("IMAGE_UNPINNED", objectPath(cluster.name, object, use.field), use.problem, {
          expected: "an exact tag (and digest where known), not latest",
          found: use.image,
        }),
      );
    }
  }
  return findings;
}

/** Image strings everywhere; in Helm values also `{ repository, tag }` pairs under an `…image` key or with a tag. */
function scan(value: unknown, field: string, key: string, helmValues: boolean): ImageUse[] {
  if (Array.isArray(value)) return value.flatMap((item, i) => scan(item, `${field}.${i}`, key, helmValues));
  if (!isObject(value)) return [];
  const uses: ImageUse[] = [];
  const pair =
    helmValues && (/image$/i.test(key) || "tag" in value) ? repositoryPair(value, field) : undefined;
  if (pair) uses.push(pair);
  for (const [name, item] of Object.entries(value)) {
    if ((name === "image" || name === "imageName") && typeof item === "string") {
      const problem = imageProblem(item);
      if (problem) uses.push({ field: `${field}.${name}`, image: item, problem });
    } else uses.push(...scan(item, `${field}.${name}`, name, helmValues));
  }
  return uses;
}

/** `{ repository, tag }` (Helm's image convention): the repository is ours, so the tag must be too. */
function repositoryPair(value: Record<string, unknown>, field: string): ImageUse | undefined {
  if (
    typeof value.repository !== "string" ||
    value.repository.includes("${") ||
    value.repository.includes("://")
  )
    return undefined;
  if (typeof value.digest === "string" && value.digest !== "") return undefined;
  const tag = typeof value.tag === "string" || typeof value.tag === "number" ? String(value.tag) : "";
  const image = `${value.repository}${tag ? `:${tag}` : ""}`;
  if (tag === "")
    return { field: `${field}.tag`, image, problem: "the image repository is set without a tag" };
  if (tag === "latest") return { field: `${field}.tag`, image, problem: "the image tag is latest" };
  return undefined;
}

/** Why an image reference is not pinned, or undefined when it is (a tag other than latest, or a digest). */
export function imageProblem(image: string): string | undefined {
  if (image.includes("${") || image === "") return undefined;
  if (image.includes("@sha256:")) return undefined;
  const lastSlash = image.lastIndexOf("/");
  const colon = image.indexOf(":", lastSlash + 1);
  if (colon === -1) return "the image has no tag";
  return image.slice(colon + 1) === "latest" ? "the image tag is latest" : undefined;
}
