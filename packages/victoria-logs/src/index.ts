export { JSONLINE_PATH, type LogsHub, type LogsInsert, logsInsert } from "./endpoints.js";
export type { VictoriaLogsOptions } from "./options.js";
export { LBIPAM_IPS, type VictoriaLogs, VLSINGLE_HEALTH, victoriaLogs } from "./victoria-logs.js";
