import { optionMessage } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { type RuleGroup, type VMRuleOptions, vmRule } from "./index.js";

const nodeGroup: RuleGroup = {
  name: "node",
  rules: [
    { record: "node:cpu:rate5m", expr: "sum by (node) (rate(node_cpu_seconds_total[5m]))" },
    {
      alert: "NodeDown",
      expr: 'up{job="node-exporter"} == 0',
      for: "5m",
      labels: { severity: "critical" },
      annotations: { summary: "{{ $labels.instance }} is down" },
    },
  ],
};
const base: VMRuleOptions = { name: "node-alerts", groups: [nodeGroup] };
const message = optionMessage("vmRule(node-alerts)");
const rule = (options: Partial<VMRuleOptions>) => () => vmRule({ ...base, ...options });

describe("vmRule", () => {
  it("builds a VMRule with recording and alerting rules", () => {
    expect(vmRule(base).toJSON()).toEqual({
      apiVersion: "operator.victoriametrics.com/v1beta1",
      kind: "VMRule",
      metadata: { name: "node-alerts" },
      spec: {
        groups: [
          {
            name: "node",
            rules: [
              { expr: "sum by (node) (rate(node_cpu_seconds_total[5m]))", record: "node:cpu:rate5m" },
              {
                alert: "NodeDown",
                annotations: { summary: "{{ $labels.instance }} is down" },
                expr: 'up{job="node-exporter"} == 0',
                for: "5m",
                labels: { severity: "critical" },
              },
            ],
          },
        ],
      },
    });
  });

  it("interval: evaluates the group at its own pace", () => {
    const json = vmRule({ ...base, groups: [{ ...nodeGroup, interval: "5m" }] }).toJSON() as {
      spec: { groups: { interval?: string }[] };
    };
    expect(json.spec.groups[0]?.interval).toBe("5m");
  });

  it("rejects no groups", () => {
    expect(rule({ groups: [] })).toThrow(
      message("groups", "a VMRule needs at least one group", "one group or more", "[]"),
    );
  });

  it("rejects two groups of one name", () => {
    expect(rule({ groups: [nodeGroup, nodeGroup] })).toThrow(
      message("groups.1.name", "two groups share a name", "a name unique in the VMRule", "node"),
    );
  });

  it("rejects an empty group", () => {
    expect(rule({ groups: [{ name: "empty", rules: [] }] })).toThrow(
      message("groups.0.rules", "the group has no rules", "one rule or more", "[]"),
    );
  });

  it("rejects a recording name that is not a metric name", () => {
    expect(rule({ groups: [{ name: "g", rules: [{ record: "node cpu", expr: "1" }] }] })).toThrow(
      message(
        "groups.0.rules.0.record",
        "not a metric name",
        "a name such as job:up:avg (letters, digits, '_' and ':')",
        '"node cpu"',
      ),
    );
  });

  it("rejects an alert name with other characters", () => {
    expect(rule({ groups: [{ name: "g", rules: [{ alert: "Node-Down", expr: "1" }] }] })).toThrow(
      message(
        "groups.0.rules.0.alert",
        "not an alert name",
        "a name such as TargetDown (letters, digits and '_')",
        '"Node-Down"',
      ),
    );
  });

  it("rejects an empty expression", () => {
    expect(rule({ groups: [{ name: "g", rules: [{ alert: "A", expr: " " }] }] })).toThrow(
      message("groups.0.rules.0.expr", "the rule has no expression", "a MetricsQL expression", '""'),
    );
  });

  it("rejects a for that is not a duration", () => {
    expect(rule({ groups: [{ name: "g", rules: [{ alert: "A", expr: "1", for: "5" }] }] })).toThrow(
      message("groups.0.rules.0.for", "not a duration", "a duration such as 30s, 5m or 1h30m", '"5"'),
    );
  });

  it("rejects bad option types at compile time", () => {
    // @ts-expect-error a rule is either alerting or recording
    vmRule({ name: "x", groups: [{ name: "g", rules: [{ alert: "A", record: "a:b", expr: "1" }] }] });
    // @ts-expect-error a recording rule has no for
    vmRule({ name: "x", groups: [{ name: "g", rules: [{ record: "a:b", expr: "1", for: "5m" }] }] });
    // @ts-expect-error rules need an expression
    expect(() => vmRule({ name: "x", groups: [{ name: "g", rules: [{ alert: "A" }] }] })).toThrow();
  });
});
