export { ODOO_IMAGE, odoo } from "./odoo.js";
export type { OdooOptions } from "./options.js";
