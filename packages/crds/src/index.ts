// The models live in one module per group/version (`@k8s-ops/crds/<group>/<version>`, see README.md); the
// package root names only the catalog of those modules, so importing it loads no schema.
export { type CrdGroupVersion, crdCatalog } from "./catalog.js";
