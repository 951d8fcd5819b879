/**
 * @k8s-ops/fluent-bit: Fluent Bit on every cluster, forwarding container, Talos and audit logs to VictoriaLogs on the
 * logs hub.
 */
export { MESSAGE_FIELDS } from "./config.js";
export { FLUENT_BIT_CHART, type FluentBit, fluentBit } from "./fluent-bit.js";
export { type FluentBitOptions, type LogLevel, type LogsHub, STREAM_FIELDS } from "./options.js";
export {
  TALOS_LOG_PORTS,
  type TalosLogForwarding,
  talosLogDestinations,
  talosLogForwarding,
} from "./talos.js";
