export { METRICS_SERVER_CHART, type MetricsServer, metricsServer } from "./metrics-server.js";
export type { MetricsServerOptions } from "./options.js";
