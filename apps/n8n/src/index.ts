export { N8N_IMAGE, n8n } from "./n8n.js";
export type { N8nOptions } from "./options.js";
