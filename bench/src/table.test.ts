import { describe, expect, it } from "vitest";
import { formatMiB, formatMs, markdownTable, ratio, replaceBetween, spread, targetLines } from "./table.ts";

describe("formatting", () => {
  it("formats durations in ms or s", () => {
    // GIVEN durations across ranges WHEN formatted THEN the unit and precision follow the size
    expect([0.5, 12.345, 1234.5, Number.NaN].map(formatMs)).toEqual(["0.50 ms", "12.3 ms", "1.23 s", "—"]);
  });

  it("formats memory in MiB, then GiB", () => {
    expect([191.66, 1536].map(formatMiB)).toEqual(["192 MiB", "1.50 GiB"]);
  });

  it("gives how many times the other takes what ours takes", () => {
    expect(ratio(1000, 3000)).toBe("3.00×");
    expect(ratio(1000, 500)).toBe("0.50×");
    expect(ratio(1000, undefined)).toBe("—");
  });

  it("writes a padded markdown table and escapes pipes", () => {
    // GIVEN headers and a row with a pipe WHEN tabled THEN it is valid GitHub markdown, padded like the formatter
    expect(markdownTable(["a", "b"], [["1", "x|y"]])).toBe("| a   | b    |\n| --- | ---- |\n| 1   | x\\|y |");
  });

  it("prints PASS / MISS / SKIP per target", () => {
    const lines = targetLines([
      { name: "fast", pass: true, detail: "1 s" },
      { name: "small", pass: false, detail: "2 GiB" },
      { name: "turbo", pass: undefined, detail: "skipped" },
    ]);
    expect(lines).toEqual(["PASS  fast — 1 s", "MISS  small — 2 GiB", "SKIP  turbo — skipped"]);
  });

  it("replaces the block between markers, or appends it", () => {
    const doc = "# P\n\n<!-- s -->\nold\n<!-- e -->\n\nnotes\n";
    expect(replaceBetween(doc, "<!-- s -->", "<!-- e -->", "new")).toBe(
      "# P\n\n<!-- s -->\nnew\n<!-- e -->\n\nnotes\n",
    );
    expect(replaceBetween("# P\n", "<!-- s -->", "<!-- e -->", "new")).toBe(
      "# P\n\n<!-- s -->\nnew\n<!-- e -->\n",
    );
  });

  it("measures the spread of per-app costs", () => {
    expect(spread([1, 1.1, 1.2])).toBeCloseTo(0.2);
  });
});
