// The one tsup configuration every compiled package uses: ESM, declarations, Node 22.
import { defineConfig } from "tsup";

export function packageConfig(entry = ["src/index.ts"]) {
  return defineConfig({
    entry,
    format: ["esm"],
    target: "node22",
    platform: "node",
    dts: true,
    sourcemap: true,
    clean: true,
    splitting: false,
  });
}

export default packageConfig();
