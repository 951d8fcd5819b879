export { OPENBAO_CHART, type OpenBao, openBao } from "./openbao.js";
export type { OpenBaoOptions, SealOptions, StaticSeal, TransitSeal } from "./options.js";
