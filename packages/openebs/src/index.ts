export { OPENEBS_CHART, OPENEBS_NAMESPACE_LABELS, type OpenEbs, openebs } from "./openebs.js";
export type { OpenEbsOptions } from "./options.js";
export { HOSTPATH_STORAGE_CLASS } from "./values.js";
