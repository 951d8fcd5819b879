import { unresolvedChartRef } from "@k8s-ops/core";
import { type ClusterView, objectsOf } from "../context.js";
import { type CheckFinding, finding } from "../finding.js";
import { at, isObject, str } from "../tree/documents.js";
import { objectPath, type TreeObject } from "../tree/model.js";

const HELM_LAYER = "application/vnd.cncf.helm.chart.content.v1.tar+gzip";

/** §12, §17: one chart source per HelmRelease, a chartRef that resolves, and the cluster's default policy. */
export function helmReleases(cluster: ClusterView): CheckFinding[] {
  const findings: CheckFinding[] = [];
  for (const release of objectsOf(cluster.tree, "HelmRelease", "helm.toolkit.fluxcd.io")) {
    const spec = isObject(release.json.spec) ? release.json.spec : {};
    const path = (field: string) => objectPath(cluster.name, release, field);
    if ((spec.chart === undefined) === (spec.chartRef === undefined)) {
      findings.push(
        finding(
          "FLUX_FIELD",
          path("spec.chartRef"),
          "a HelmRelease needs exactly one of chart and chartRef",
          { expected: "chartRef only", found: spec.chart ? "both" : "neither" },
        ),
      );
    }
    findings.push(...chartRefFindings(cluster, release, path("spec.chartRef")));
    const missing = missingDefaults(release);
    if (missing.length > 0) {
      findings.push(
        finding(
          "HELM_DEFAULTS",
          path("spec"),
          "the HelmRelease lacks the cluster's default install/upgrade policy",
          { expected: missing.join(", "), found: "not set" },
        ),
      );
    }
  }
  return findings;
}

function chartRefFindings(cluster: ClusterView, release: TreeObject, path: string): CheckFinding[] {
  const ref = at(release.json, "spec.chartRef");
  if (!isObject(ref)) return [];
  const namespace = str(ref.namespace) ?? release.namespace;
  const found = cluster.tree.objects.some(
    (o) =>
      o.kind === ref.kind &&
      o.name === ref.name &&
      o.namespace === namespace &&
      o.apiVersion.startsWith("source.toolkit.fluxcd.io/"),
  );
  if (found) return [];
  const { message, expected } = unresolvedChartRef(ref.kind, `${namespace}/${String(ref.name)}`);
  return [
    finding("SOURCE_UNRESOLVED", path, message, {
      expected,
      found: `${String(ref.kind)} ${String(ref.name)}`,
    }),
  ];
}

function missingDefaults(release: TreeObject): string[] {
  const value = (path: string) => at(release.json, path);
  const expectations: [string, boolean][] = [
    ["spec.install.crds: CreateReplace", value("spec.install.crds") === "CreateReplace"],
    ["spec.upgrade.crds: CreateReplace", value("spec.upgrade.crds") === "CreateReplace"],
    ["spec.upgrade.cleanupOnFail: true", value("spec.upgrade.cleanupOnFail") === true],
    [
      "spec.upgrade.remediation or spec.upgrade.strategy",
      value("spec.upgrade.remediation") !== undefined || value("spec.upgrade.strategy") !== undefined,
    ],
  ];
  return expectations.filter(([, ok]) => !ok).map(([text]) => text);
}

/** §13: chart sources are oci:// URLs with the Helm layer selector, pinned to an exact tag or a digest. */
export function ociRepositories(cluster: ClusterView): CheckFinding[] {
  return objectsOf(cluster.tree, "OCIRepository", "source.toolkit.fluxcd.io").flatMap((repo) => {
    const path = (field: string) => objectPath(cluster.name, repo, field);
    const url = str(at(repo.json, "spec.url")) ?? "";
    const selector = at(repo.json, "spec.layerSelector");
    const findings: CheckFinding[] = [];
    if (!url.startsWith("oci://")) {
      findings.push(
        finding("SOURCE_UNPINNED", path("spec.url"), "the chart source is not an OCI registry", {
          expected: "oci://…",
          found: url,
        }),
      );
    }
    if (!isObject(selector) || selector.mediaType !== HELM_LAYER || selector.operation !== "copy") {
      findings.push(
        finding(
          "SOURCE_UNPINNED",
          path("spec.layerSelector"),
          "the OCIRepository does not select the Helm chart layer",
          {
            expected: `{ mediaType: ${HELM_LAYER}, operation: copy }`,
            found: JSON.stringify(selector ?? null),
          },
        ),
      );
    }
    const ref = at(repo.json, "spec.ref");
    if (!isPinned(ref)) {
      findings.push(
        finding("SOURCE_UNPINNED", path("spec.ref"), "the chart version is not pinned", {
          expected: "an exact ref.tag (not latest) or ref.digest, no semver range",
          found: JSON.stringify(ref ?? {}),
        }),
      );
    }
    return findings;
  });
}

/** An exact version: no range, wildcard or `latest` (Helm reads `1.x`, `~1.2` and `>=1` as ranges). */
const EXACT_VERSION = /^v?\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?(?:\+[0-9A-Za-z.-]+)?$/;

/** §13 for charts outside OCI: an HTTPS HelmRepository, and a HelmChart pinned to an exact version of it. */
export function repositoryCharts(cluster: ClusterView): CheckFinding[] {
  const repositories = objectsOf(cluster.tree, "HelmRepository", "source.toolkit.fluxcd.io");
  const insecure = repositories.flatMap((repo) => {
    const url = str(at(repo.json, "spec.url")) ?? "";
    if (url.startsWith("https://") || url.startsWith("oci://")) return [];
    return [
      finding(
        "SOURCE_UNPINNED",
        objectPath(cluster.name, repo, "spec.url"),
        "the Helm repository is not served over HTTPS",
        {
          expected: "https://…",
          found: url,
        },
      ),
    ];
  });
  const charts = objectsOf(cluster.tree, "HelmChart", "source.toolkit.fluxcd.io").flatMap((chart) => {
    const version = str(at(chart.json, "spec.version")) ?? "";
    if (EXACT_VERSION.test(version)) return [];
    return [
      finding(
        "SOURCE_UNPINNED",
        objectPath(cluster.name, chart, "spec.version"),
        "the chart version is not pinned",
        {
          expected: "an exact version (1.2.3), no range or wildcard",
          found: version === "" ? "no version (the newest)" : version,
        },
      ),
    ];
  });
  return [...insecure, ...charts];
}

function isPinned(ref: unknown): boolean {
  if (!isObject(ref)) return false;
  if (typeof ref.digest === "string") return true;
  return (
    typeof ref.tag === "string" &&
    ref.tag !== "latest" &&
    ref.semver === undefined &&
    ref.semverFilter === undefined
  );
}
