import { isIP } from "node:net";
import { CelScalar, celEnv, celFunc, isCelError, parse, plan } from "@bufbuild/cel";
import { strings } from "@bufbuild/cel/ext";
import { type CheckFinding, finding } from "../finding.js";
import { CEL_RULES } from "../generated/cel-rules.js";
import { objectPath, type TreeObject } from "../tree/model.js";
import type { CelRule, CelTable } from "./extract.js";
import { toCel, valuesAt } from "./values.js";

/** How many rule evaluations ran, were skipped for needing the old object, or could not be evaluated. */
export interface CelStats {
  evaluated: number;
  skippedOldSelf: number;
  notEvaluated: number;
}

type Program = (bindings: { self: unknown }) => unknown;

/** Kubernetes' CEL library functions the rules use, beyond the standard ones and the strings extension. */
const KUBERNETES_FUNCS = [
  celFunc("isIP", [CelScalar.STRING], CelScalar.BOOL, (s) => isIP(s) !== 0),
  celFunc(
    "isCIDR",
    [CelScalar.STRING],
    CelScalar.BOOL,
    (s) => /^[^/]+\/\d{1,3}$/.test(s) && isIP(s.split("/")[0] ?? "") !== 0,
  ),
];
const ENV = celEnv({ funcs: [...strings, ...KUBERNETES_FUNCS] });
const programs = new Map<string, Program | undefined>();

function compile(rule: string): Program | undefined {
  if (!programs.has(rule)) {
    try {
      programs.set(rule, plan(ENV, parse(rule)) as unknown as Program);
    } catch {
      programs.set(rule, undefined);
    }
  }
  return programs.get(rule);
}

/** Evaluates one rule with `self` bound: true, false, or undefined when it cannot be evaluated here. */
export function evaluateRule(rule: string, self: unknown): boolean | undefined {
  const program = compile(rule);
  if (!program) return undefined;
  const result = program({ self: toCel(self) });
  return typeof result === "boolean" && !isCelError(result) ? result : undefined;
}

/** Every CRD validation rule of the table on the objects of its kind, at its schema path. */
export function celFindings(
  cluster: string,
  objects: readonly TreeObject[],
  stats: CelStats,
  table: CelTable = CEL_RULES,
): CheckFinding[] {
  const findings: CheckFinding[] = [];
  for (const object of objects) {
    for (const rule of table[object.apiVersion]?.[object.kind] ?? [])
      findings.push(...ruleFindings(cluster, object, rule, stats));
  }
  return findings;
}

function ruleFindings(cluster: string, object: TreeObject, rule: CelRule, stats: CelStats): CheckFinding[] {
  const findings: CheckFinding[] = [];
  for (const { value, field } of valuesAt(object.json, rule.path)) {
    if (rule.needsOldSelf) {
      stats.skippedOldSelf += 1;
      continue;
    }
    const result = evaluateRule(rule.rule, value);
    if (result === undefined) stats.notEvaluated += 1;
    else stats.evaluated += 1;
    if (result !== false) continue;
    findings.push(
      finding("CEL_RULE", objectPath(cluster, object, field || "(object)"), rule.message, {
        expected: rule.rule,
        found: truncate(JSON.stringify(value) ?? "nothing"),
      }),
    );
  }
  return findings;
}

function truncate(text: string): string {
  return text.length > 160 ? `${text.slice(0, 157)}...` : text;
}
