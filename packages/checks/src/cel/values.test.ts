import { describe, expect, it } from "vitest";
import { toCel, valuesAt } from "./values.js";

describe("valuesAt", () => {
  const object = {
    spec: {
      listeners: [{ name: "a", tls: { mode: "x" } }, { name: "b" }],
      labels: { app: "web", tier: "db" },
    },
  };

  it("expands list items and map values, and skips absent fields", () => {
    expect(valuesAt(object, "spec.listeners[*].tls")).toEqual([
      { value: { mode: "x" }, field: "spec.listeners.0.tls" },
    ]);
    expect(valuesAt(object, "spec.labels{*}")).toEqual([
      { value: "web", field: "spec.labels.app" },
      { value: "db", field: "spec.labels.tier" },
    ]);
    expect(valuesAt(object, "")).toEqual([{ value: object, field: "" }]);
    expect(valuesAt(object, "status.conditions[*]")).toEqual([]);
  });
});

describe("toCel", () => {
  it("turns objects into maps with reserved names escaped, and integers into CEL ints", () => {
    const cel = toCel({ namespace: "ns", port: 80, ratio: 0.5, list: [1] }) as Map<string, unknown>;
    expect([...cel.keys()]).toEqual(["__namespace__", "port", "ratio", "list"]);
    expect(cel.get("port")).toBe(80n);
    expect(cel.get("ratio")).toBe(0.5);
    expect(cel.get("list")).toEqual([1n]);
  });
});
