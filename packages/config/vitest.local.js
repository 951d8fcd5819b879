// This package's own tests sit at its root, beside the files they test.
import { defineConfig } from "vitest/config";

export default defineConfig({ test: { include: ["*.test.js"], environment: "node" } });
