import { describe, expect, it } from "vitest";
import { addCrd, type CelTable, countRules, renderTable } from "./extract.js";

/** A small CRD with a rule at the root, on a property, on list items, on map values, and a transition rule. */
const CRD = {
  apiVersion: "apiextensions.k8s.io/v1",
  kind: "CustomResourceDefinition",
  spec: {
    group: "example.io",
    names: { kind: "Widget" },
    versions: [
      {
        name: "v1alpha1",
        served: false,
        schema: { openAPIV3Schema: { "x-kubernetes-validations": [{ rule: "true" }] } },
      },
      {
        name: "v1",
        served: true,
        schema: {
          openAPIV3Schema: {
            "x-kubernetes-validations": [{ rule: "has(self.spec)", message: "spec is required" }],
            properties: {
              spec: {
                "x-kubernetes-validations": [
                  { rule: "self.size == oldSelf.size", message: "size is immutable" },
                ],
                properties: {
                  ports: {
                    items: {
                      "x-kubernetes-validations": [
                        { rule: "self.port > 0", messageExpression: "'bad port ' + string(self.port)" },
                      ],
                    },
                  },
                  labels: {
                    additionalProperties: { "x-kubernetes-validations": [{ rule: "self.size() < 64" }] },
                  },
                },
              },
            },
          },
        },
      },
    ],
  },
};

describe("addCrd", () => {
  it("collects each rule of the served versions at its schema path", () => {
    // GIVEN / WHEN
    const table: CelTable = {};
    addCrd(table, CRD);
    // THEN
    expect(table).toEqual({
      "example.io/v1": {
        Widget: [
          { path: "", rule: "has(self.spec)", message: "spec is required", needsOldSelf: false },
          {
            path: "spec",
            rule: "self.size == oldSelf.size",
            message: "size is immutable",
            needsOldSelf: true,
          },
          {
            path: "spec.labels{*}",
            rule: "self.size() < 64",
            message: "failed rule: self.size() < 64",
            needsOldSelf: false,
          },
          {
            path: "spec.ports[*]",
            rule: "self.port > 0",
            message: "(messageExpression) 'bad port ' + string(self.port)",
            needsOldSelf: false,
          },
        ],
      },
    });
    expect(countRules(table)).toEqual({ kinds: 1, rules: 4, needsOldSelf: 1 });
  });

  it("keeps the first definition of a kind and ignores other documents", () => {
    const table: CelTable = {};
    addCrd(table, CRD);
    addCrd(table, {
      ...CRD,
      spec: {
        ...CRD.spec,
        versions: [
          {
            name: "v1",
            served: true,
            schema: { openAPIV3Schema: { "x-kubernetes-validations": [{ rule: "false" }] } },
          },
        ],
      },
    });
    addCrd(table, { kind: "ValidatingAdmissionPolicy" });
    expect(table["example.io/v1"]?.Widget?.[0]?.rule).toBe("has(self.spec)");
  });

  it("renders the same module text for the same table, with its header", () => {
    const table: CelTable = {};
    addCrd(table, CRD);
    const text = renderTable(table, ["generated, do not edit"]);
    expect(text.split("\n").slice(0, 6)).toEqual([
      "// generated, do not edit",
      'import type { CelTable } from "../cel/extract.js";',
      "",
      "export const CEL_RULES: CelTable = {",
      '  "example.io/v1": {',
      '    "Widget": [',
    ]);
    expect(renderTable(table, ["generated, do not edit"])).toBe(text);
  });
});
