export { APP_TEMPLATE_CHART, type Cloudflared, cloudflared } from "./cloudflared.js";
export { CONFIG_PATH } from "./config.js";
export type { CloudflaredOptions } from "./options.js";
export { CLOUDFLARED_IMAGE } from "./values.js";
