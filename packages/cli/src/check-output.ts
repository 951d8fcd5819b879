import type { CelStats, CheckFinding, Severity } from "@k8s-ops/checks";
import type { KustomizeSummary } from "./kustomize-tree.js";
import { type ClusterName, type Location, locate } from "./locate.js";
import { type Output, severityLabel } from "./output.js";
import { plural } from "./render-command.js";

export interface ReportData {
  readonly clusters: readonly ClusterName[];
  readonly findings: readonly CheckFinding[];
  readonly cel: CelStats;
  readonly kustomize: KustomizeSummary;
  readonly elapsed: number;
}

type Located = { readonly finding: CheckFinding; readonly at: Location };

/** The findings grouped by cluster → Kustomization → object, then the totals. */
export function printReport(output: Output, data: ReportData): void {
  const located = data.findings.map((finding) => ({ finding, at: locate(finding, data.clusters) }));
  const groups = [...data.clusters.map((c) => c.name), "cross-cluster"];
  for (const extra of located.map((l) => l.at.cluster))
    if (!groups.includes(extra)) groups.splice(groups.length - 1, 0, extra);
  for (const cluster of groups) {
    const mine = located.filter((l) => l.at.cluster === cluster);
    if (mine.length > 0) printCluster(output, cluster, mine);
  }
  output.out(
    groups
      .map((g) => `${g}: ${counts(located.filter((l) => l.at.cluster === g).map((l) => l.finding))}`)
      .join(" · "),
  );
  const { cel, kustomize } = data;
  output.out(
    `CRD validation rules: ${cel.evaluated} evaluated, ${cel.skippedOldSelf} skipped (oldSelf), ${cel.notEvaluated} not evaluable · ` +
      `kubectl kustomize: ${kustomize.built} built, ${kustomize.failed} failed, ${kustomize.skipped} not built`,
  );
  output.out(`${counts(data.findings)} in ${Math.round(data.elapsed)} ms`);
}

function printCluster(output: Output, cluster: string, located: readonly Located[]): void {
  output.out(cluster);
  const kustomizations = [...new Set(located.map((l) => l.at.kustomization))].sort(byGroupName);
  for (const ks of kustomizations) {
    output.out(`  ${ks}`);
    const inKs = located.filter((l) => l.at.kustomization === ks);
    for (const { finding, at } of inKs.filter((l) => l.at.object === undefined))
      printFinding(output, "    ", finding, at);
    const objects = [
      ...new Set(inKs.flatMap((l) => (l.at.object === undefined ? [] : [l.at.object]))),
    ].sort();
    for (const object of objects) {
      output.out(`    ${object}`);
      for (const { finding, at } of inKs.filter((l) => l.at.object === object))
        printFinding(output, "      ", finding, at);
    }
  }
}

function printFinding(output: Output, indent: string, finding: CheckFinding, at: Location): void {
  const where = at.field ? `${at.field}: ` : "";
  output.out(`${indent}${severityLabel(finding)} ${finding.code} ${where}${finding.message}`);
  if (finding.expected !== undefined) output.out(`${indent}  expected: ${finding.expected}`);
  if (finding.found !== undefined) output.out(`${indent}  found:    ${finding.found}`);
  if (finding.hint !== undefined) output.out(`${indent}  hint:     ${finding.hint}`);
}

/** Parenthesised groups ("(settings)", "(files)") first, then Kustomizations by name. */
function byGroupName(a: string, b: string): number {
  const rank = (s: string) => (s.startsWith("(") ? 0 : 1);
  return rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0);
}

export function counts(findings: readonly CheckFinding[]): string {
  const of = (severity: Severity) => findings.filter((f) => f.severity === severity).length;
  if (findings.length === 0) return "no problems";
  const parts = [
    plural(of("error"), "error"),
    plural(of("warning"), "warning"),
    plural(of("notice"), "notice"),
  ];
  return parts.filter((p) => !p.startsWith("0 ")).join(", ");
}

/** The report as one JSON document, for CI. */
export function printJson(output: Output, data: ReportData): void {
  const of = (severity: Severity) => data.findings.filter((f) => f.severity === severity).length;
  const findings = data.findings.map((f) => ({ ...locate(f, data.clusters), ...f }));
  const json = {
    ok: of("error") === 0,
    clusters: data.clusters.map((c) => c.name),
    summary: { errors: of("error"), warnings: of("warning"), notices: of("notice") },
    cel: data.cel,
    kustomize: data.kustomize,
    findings,
  };
  output.out(JSON.stringify(json, null, 2));
}
