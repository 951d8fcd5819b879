// One entry per group/version (`@k8s-ops/crds/<group>/<version>`) plus the catalog at the root. The JS is
// almost all compiled schema validators: it is minified and ships without source maps (as the
// @kubernetes-models packages do), which keeps dist at a third of its size.
import { packageConfig } from "@k8s-ops/config/tsup";
import { crdCatalog } from "./src/catalog.ts";

const entries = Object.fromEntries(
  crdCatalog.map(({ apiVersion, origin }) => [`${apiVersion}/index`, `src/${origin}/${apiVersion}/index.ts`]),
);

export default { ...packageConfig({ index: "src/index.ts", ...entries }), sourcemap: false, minify: true };
