// The shared configuration, plus the generator's own tests under scripts/.
import base from "@k8s-ops/config/vitest";
import { defineConfig, mergeConfig } from "vitest/config";

export default mergeConfig(base, defineConfig({ test: { include: ["scripts/**/*.test.ts"] } }));
