// The one tsup configuration every compiled package uses: ESM, declarations, Node 22.
import { fileURLToPath } from "node:url";
import { defineConfig } from "tsup";

const RE2_RUNTIME = /^@kubernetes-models\/validate\/runtime\/re2$/;

/** Bundles lazy-re2.js wherever a model's validator imports the WebAssembly RE2 matcher (see that file). */
const lazyRE2 = {
  name: "lazy-re2",
  setup(build) {
    const path = fileURLToPath(new URL("./lazy-re2.js", import.meta.url));
    build.onResolve({ filter: RE2_RUNTIME }, () => ({ path }));
  },
};

/**
 * `yaml` in a package's bundle: its Node build is 72 CommonJS modules, and resolving and loading them one by one
 * was about a third of importing core. Bundled CommonJS calls `require` for Node's built-ins, which an ES module
 * has only through `createRequire`.
 */
const bundledYaml = {
  noExternal: [/^yaml$/],
  banner: {
    js: 'import { createRequire } from "node:module";\nconst require = createRequire(import.meta.url);',
  },
};

export function packageConfig(entry = ["src/index.ts"], { bundleYaml = false } = {}) {
  const yaml = bundleYaml ? bundledYaml : { noExternal: [], banner: undefined };
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
    // external: a package bundling models lists both among its dependencies. The one runtime module bundled is
    // the RE2 matcher, replaced by lazy-re2.js.
    noExternal: [
      /^@kubernetes-models\/(?!(base|validate)(\/|$))/,
      /^kubernetes-models(\/|$)/,
      RE2_RUNTIME,
      ...yaml.noExternal,
    ],
    banner: yaml.banner,
    esbuildPlugins: [lazyRE2],
  });
}

export default packageConfig();
