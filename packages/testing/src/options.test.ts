import { OptionError } from "@k8s-ops/core";
import { describe, expect, it } from "vitest";
import { optionMessage } from "./index.js";

describe("optionMessage", () => {
  it("spells the message an OptionError of the builder carries", () => {
    // GIVEN a builder's option error WHEN its message is spelled THEN it is the error's message
    const error = new OptionError({
      path: "demo: replicas",
      message: "needs at least one replica",
      expected: "an integer ≥ 1",
      found: "0",
    });
    const message = optionMessage("demo");
    expect(message("replicas", "needs at least one replica", "an integer ≥ 1", "0")).toBe(error.message);
  });
});
