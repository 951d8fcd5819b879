export { HARBOR_CHART, type Harbor, harbor } from "./harbor.js";
export type { HarborOptions, S3StorageOptions } from "./options.js";
