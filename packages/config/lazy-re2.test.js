import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import LazyRE2 from "./lazy-re2.js";

const require = createRequire(import.meta.url);
const re2Loaded = () => Object.keys(require.cache).some((path) => path.includes("re2-wasm"));

describe("LazyRE2", () => {
  it("loads nothing until its first test, then answers as RE2 does", () => {
    // GIVEN the pattern Cilium's models hold that RegExp cannot compile (no control characters)
    const source = "^\\PC*$";
    expect(() => new RegExp(source, "u")).toThrow();
    const pattern = new LazyRE2(source, "u");
    // THEN constructing it loaded no WebAssembly
    expect(re2Loaded()).toBe(false);
    // WHEN it is tested, THEN it matches as re2 does
    const answers = ["drop: tenant a", "bell\u0007", ""].map((text) => pattern.test(text));
    expect(answers).toEqual([true, false, true]);
    expect(re2Loaded()).toBe(true);
  });
});
