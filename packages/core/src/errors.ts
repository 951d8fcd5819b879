/** Every finding k8s-ops reports has one of these codes; the README lists what each means. */
export type FindingCode =
  | "SCHEMA"
  | "DUPLICATE_OBJECT"
  | "DEPENDS_ON_MISSING"
  | "DEPENDS_ON_CYCLE"
  | "LAYER_ORDER"
  | "REF_UNRESOLVED"
  | "SOURCE_UNRESOLVED"
  | "VAR_UNDEFINED"
  | "INVALID_NAME"
  | "RELEASE_NAME_TOO_LONG"
  | "CRD_NOT_PROVIDED"
  | "SETTINGS"
  | "FILE_MISSING"
  | "FILE_NOT_OWNED"
  | "FILE_EDITED"
  | "OPTION";

/** One problem: what failed, where (cluster › app › object › field), what was expected and what was found. */
export interface Finding {
  readonly code: FindingCode;
  readonly path: string;
  readonly message: string;
  readonly expected?: string;
  readonly found?: string;
}

export function formatFinding(finding: Finding): string {
  const lines = [`${finding.code} ${finding.path}: ${finding.message}`];
  if (finding.expected !== undefined) lines.push(`  expected: ${finding.expected}`);
  if (finding.found !== undefined) lines.push(`  found:    ${finding.found}`);
  return lines.join("\n");
}

/** Thrown when validation finds problems; carries all of them, not just the first. */
export class ValidationError extends Error {
  override name = "ValidationError";
  readonly findings: readonly Finding[];

  constructor(findings: readonly Finding[]) {
    const count = findings.length === 1 ? "1 problem" : `${findings.length} problems`;
    super(`Validation failed with ${count}:\n${findings.map(formatFinding).join("\n")}`);
    this.findings = findings;
  }
}

/** Thrown by a builder given an option it cannot use, at the moment it is given. */
export class OptionError extends Error {
  override name = "OptionError";
  readonly finding: Finding;

  constructor(finding: Omit<Finding, "code">) {
    super(formatFinding({ code: "OPTION", ...finding }));
    this.finding = { code: "OPTION", ...finding };
  }
}
