import { styleText } from "node:util";
import { type CheckFinding, formatCheckFinding } from "@k8s-ops/checks";

/** Where a command prints: stdout for results, stderr for problems. Tests pass their own. */
export interface Output {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

export const processOutput: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

const COLOURS = { error: "red", warning: "yellow", notice: "cyan" } as const;

export function severityLabel(finding: CheckFinding): string {
  return styleText(COLOURS[finding.severity], finding.severity);
}

/** Problems that stopped a write: each with code, path, expected and found, then the count. */
export function printFindings(
  output: Output,
  findings: readonly CheckFinding[],
  trailer = "nothing was written.",
): void {
  for (const finding of findings)
    output.err(`${severityLabel(finding)} ${formatCheckFinding(finding, { hint: false })}`);
  const count = findings.length === 1 ? "1 problem" : `${findings.length} problems`;
  output.err(`${count} found; ${trailer}`);
}
