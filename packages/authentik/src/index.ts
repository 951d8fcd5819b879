export { AUTHENTIK_CHART, type Authentik, authentik } from "./authentik.js";
export type { AuthentikOptions } from "./options.js";
