// The one vitest configuration every package uses: tests live beside the code.
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts"],
    environment: "node",
    // A guard against hangs, not a speed check: CI machines can be loaded.
    testTimeout: 120_000,
    hookTimeout: 300_000,
  },
});
