import { styleText } from "node:util";
import { type Finding, formatFinding } from "@k8s-ops/core";

/** Where a command prints: stdout for results, stderr for problems. Tests pass their own. */
export interface Output {
  readonly out: (line: string) => void;
  readonly err: (line: string) => void;
}

export const processOutput: Output = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
};

export function printFindings(output: Output, findings: readonly Finding[]): void {
  for (const finding of findings) output.err(`${styleText("red", "error")} ${formatFinding(finding)}`);
  const count = findings.length === 1 ? "1 problem" : `${findings.length} problems`;
  output.err(`${count} found; nothing was written.`);
}
