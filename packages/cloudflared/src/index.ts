export { APP_TEMPLATE_CHART, type Cloudflared, cloudflared } from "./cloudflared.js";
export { CONFIG_PATH } from "./config.js";
export { CLOUDFLARE_PROXIED, TUNNEL_DOMAIN } from "./dns.js";
export { type CloudflaredOptions, TUNNEL_ID_VARIABLE } from "./options.js";
export { CLOUDFLARED_IMAGE } from "./values.js";
