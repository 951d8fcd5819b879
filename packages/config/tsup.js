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
    // The model classes a package uses go into its bundle: imported through node_modules, each kind drags in one
    // module per validator it references (≈ 970 for the two clusters), and a cold start spends most of its time
    // resolving and linking them. Their runtime (`base`, `validate`, with CommonJS and WebAssembly inside) stays
    // external: a package bundling models lists both among its dependencies.
    noExternal: [/^@kubernetes-models\/(?!(base|validate)(\/|$))/, /^kubernetes-models(\/|$)/],
  });
}

export default packageConfig();
