import type { Finding, FindingCode } from "@k8s-ops/core";
import { HINTS } from "./hints.js";

/** Codes the checks add to core's. The README's `k8s-ops check` section lists what each means. */
export type CheckOnlyCode =
  | "YAML_INVALID"
  | "FLUX_FIELD"
  | "FLUX_PATH"
  | "KUSTOMIZE_PATH"
  | "ORPHAN_FILE"
  | "SOURCE_UNPINNED"
  | "HEALTH_CHECK"
  | "HELM_DEFAULTS"
  | "NAMESPACE_MISSING"
  | "SUBSTITUTION"
  | "SECRET_SOURCE_MISSING"
  | "NUMBER_NOT_QUOTED"
  | "CRD_NOT_GATED"
  | "PLAINTEXT_SECRET"
  | "SOPS_CONFIG"
  | "IMAGE_UNPINNED"
  | "API_DEPRECATED"
  | "CLUSTER_INVARIANT"
  | "LB_ADDRESS"
  | "VERSION_MISMATCH"
  | "IDENTIFIER_SHARED"
  | "CEL_RULE"
  | "CEL_SKIPPED"
  | "DATA_CLASS"
  | "BACKUP_MISSING"
  | "BACKUP_RPO"
  | "BACKUP_RETENTION"
  | "CRON_INVALID"
  | "NETWORK_POLICY"
  | "KUSTOMIZE_BUILD"
  | "KUSTOMIZE_NOT_RUN"
  | "CLUSTER_LOAD"
  | "TREE_DRIFT"
  | "NOT_WRITABLE"
  | "NOT_READABLE"
  | "WRITE_LOCKED"
  | "CHANGESET_MISSING";

export type CheckCode = FindingCode | CheckOnlyCode;

/** An error fails the command; a warning is shown and does not; a notice says what was not checked. */
export type Severity = "error" | "warning" | "notice";

/** A finding as the checks report it: core's fields, a wider set of codes, a severity and a hint. */
export interface CheckFinding {
  readonly code: CheckCode;
  readonly severity: Severity;
  /** `cluster › namespace/kustomization › Kind namespace/name: field`, as core writes paths. */
  readonly path: string;
  readonly message: string;
  readonly expected?: string;
  readonly found?: string;
  /** What to do about it. @default the hint of the code */
  readonly hint?: string;
}

export interface FindingDetails {
  readonly expected?: string;
  readonly found?: string;
  readonly hint?: string;
  readonly severity?: Severity;
}

/** A finding with the code's default hint unless the details give one. */
export function finding(
  code: CheckCode,
  path: string,
  message: string,
  details: FindingDetails = {},
): CheckFinding {
  const { severity = "error", hint = HINTS[code], ...rest } = details;
  return { code, severity, path, message, ...rest, ...(hint ? { hint } : {}) };
}

/** One of core's findings, as an error with its code's hint. */
export function fromCore(found: Finding): CheckFinding {
  return finding(found.code, found.path, found.message, { expected: found.expected, found: found.found });
}

/** `CODE path: message` with the expected / found (and, unless left out, hint) lines below. */
export function formatCheckFinding(f: CheckFinding, options: { hint?: boolean } = {}): string {
  const lines = [`${f.code} ${f.path}: ${f.message}`];
  if (f.expected !== undefined) lines.push(`  expected: ${f.expected}`);
  if (f.found !== undefined) lines.push(`  found:    ${f.found}`);
  if (f.hint !== undefined && options.hint !== false) lines.push(`  hint:     ${f.hint}`);
  return lines.join("\n");
}

/** The same problem found twice (by core and by a tree rule) is reported once, the first time. */
export function dedupe(findings: readonly CheckFinding[]): CheckFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.code}\u0000${f.path}\u0000${f.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

export function isError(f: CheckFinding): boolean {
  return f.severity === "error";
}
