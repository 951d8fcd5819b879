export { CILIUM_CHART, type Cilium, cilium } from "./cilium.js";
export type { CiliumOptions } from "./options.js";
