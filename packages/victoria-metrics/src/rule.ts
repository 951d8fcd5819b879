import { VMRule } from "@k8s-ops/crds/operator.victoriametrics.com/v1beta1";
import { checkDuration, checkLabel, failer } from "./checks.js";

/** An alerting rule: fires `alert` while `expr` returns series (for `for`, if set). */
export interface AlertingRule {
  readonly alert: string;
  readonly expr: string;
  /** @default fires at once */
  readonly for?: string;
  /** @default {} */
  readonly labels?: Readonly<Record<string, string>>;
  /** `summary`, `description`, … ; may use `{{ $labels.x }}` and `{{ $value }}`. @default {} */
  readonly annotations?: Readonly<Record<string, string>>;
  readonly record?: never;
}

/** A recording rule: stores `expr` as the series `record`. */
export interface RecordingRule {
  readonly record: string;
  readonly expr: string;
  /** @default {} */
  readonly labels?: Readonly<Record<string, string>>;
  readonly alert?: never;
}

export type Rule = AlertingRule | RecordingRule;

export interface RuleGroup {
  readonly name: string;
  /** How often the group is evaluated. @default VMAlert's evaluation interval */
  readonly interval?: string;
  readonly rules: readonly Rule[];
}

export interface VMRuleOptions {
  /** Name of the VMRule (a DNS label). */
  readonly name: string;
  readonly groups: readonly RuleGroup[];
}

const METRIC_NAME = /^[a-zA-Z_:][a-zA-Z0-9_:]*$/;
const ALERT_NAME = /^[a-zA-Z_][a-zA-Z0-9_]*$/;

/** A VMRule the hub's VMAlert evaluates; the app that deploys it depends on the operator by its kind. */
export function vmRule(options: VMRuleOptions): VMRule {
  checkRuleOptions(options);
  return new VMRule({
    metadata: { name: options.name },
    spec: {
      groups: options.groups.map((group) => ({
        interval: group.interval,
        name: group.name,
        rules: group.rules.map(ruleSpec),
      })),
    },
  });
}

function ruleSpec(rule: Rule) {
  const labels = rule.labels && Object.keys(rule.labels).length > 0 ? { ...rule.labels } : undefined;
  if (rule.record !== undefined) return { expr: rule.expr, labels, record: rule.record };
  const annotations =
    rule.annotations && Object.keys(rule.annotations).length > 0 ? { ...rule.annotations } : undefined;
  return { alert: rule.alert, annotations, expr: rule.expr, for: rule.for, labels };
}

function checkRuleOptions(options: VMRuleOptions): void {
  const fail = failer(`vmRule(${options.name})`);
  checkLabel(fail, "name", options.name, "node-alerts", 253);
  if (options.groups.length === 0)
    fail("groups", "a VMRule needs at least one group", "one group or more", "[]");
  const seen = new Set<string>();
  for (const [index, group] of options.groups.entries()) {
    const at = `groups.${index}`;
    if (group.name.trim() === "")
      fail(`${at}.name`, "the group has no name", "a name unique in the VMRule", '""');
    if (seen.has(group.name))
      fail(`${at}.name`, "two groups share a name", "a name unique in the VMRule", group.name);
    seen.add(group.name);
    if (group.interval !== undefined) checkDuration(fail, `${at}.interval`, group.interval);
    if (group.rules.length === 0) fail(`${at}.rules`, "the group has no rules", "one rule or more", "[]");
    for (const [i, rule] of group.rules.entries()) checkRule(fail, `${at}.rules.${i}`, rule);
  }
}

function checkRule(fail: ReturnType<typeof failer>, at: string, rule: Rule): void {
  if (rule.expr.trim() === "")
    fail(`${at}.expr`, "the rule has no expression", "a MetricsQL expression", '""');
  if (rule.record !== undefined) {
    if (!METRIC_NAME.test(rule.record))
      fail(
        `${at}.record`,
        "not a metric name",
        "a name such as job:up:avg (letters, digits, '_' and ':')",
        JSON.stringify(rule.record),
      );
    return;
  }
  if (!ALERT_NAME.test(rule.alert))
    fail(
      `${at}.alert`,
      "not an alert name",
      "a name such as TargetDown (letters, digits and '_')",
      JSON.stringify(rule.alert),
    );
  if (rule.for !== undefined) checkDuration(fail, `${at}.for`, rule.for);
}
