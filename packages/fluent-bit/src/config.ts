import type { ResolvedFluentBitOptions } from "./options.js";
import { TALOS_LOG_PORTS } from "./talos.js";

/** One `[SECTION]` of Fluent Bit's classic configuration: a key and a value per line, in order. */
type Entry = readonly [key: string, value: string | number];

/**
 * A value Fluent Bit reads from its environment when it loads the file. Flux substitutes `${…}` in everything it
 * applies, so the reference is written `$${…}`: Flux turns it into `${…}` and leaves the rest to Fluent Bit.
 */
export function fluentBitEnv(name: string): string {
  return `$\${${name}}`;
}

/** The node the pod runs on, from the downward API (`spec.nodeName`). */
export const NODE_NAME_ENV = "NODE_NAME";

/**
 * Where the collector keeps its tail positions (SQLite files) and its filesystem buffer: on the node's /var/log,
 * which exists on every Talos node, so restarts and outages of the hub lose nothing.
 */
export const STATE_PREFIX = "/var/log/fluent-bit";

const METRICS_PORT = 2020;

function section(kind: string, entries: readonly Entry[]): string {
  const width = Math.max(...entries.map(([key]) => key.length));
  return [`[${kind}]`, ...entries.map(([key, value]) => `    ${key.padEnd(width)}  ${value}`)].join("\n");
}

function sections(kind: string, list: readonly (readonly Entry[])[]): string {
  return `${list.map((entries) => section(kind, entries)).join("\n\n")}\n`;
}

export function serviceSection(o: ResolvedFluentBitOptions): string {
  return sections("SERVICE", [
    [
      ["Daemon", "Off"],
      ["Flush", 1],
      ["Log_Level", o.logLevel],
      ["Parsers_File", "/fluent-bit/etc/parsers.conf"],
      ["Parsers_File", "/fluent-bit/etc/conf/custom_parsers.conf"],
      ["HTTP_Server", "On"],
      ["HTTP_Listen", "0.0.0.0"],
      ["HTTP_Port", METRICS_PORT],
      ["Health_Check", "On"],
      ["storage.path", `${STATE_PREFIX}-buffer/`],
      ["storage.sync", "normal"],
    ],
  ]);
}

/** Container logs always; Talos service and kernel logs (TCP on localhost) and the API audit log as chosen. */
export function inputSections(o: ResolvedFluentBitOptions): string {
  const containers: Entry[] = [
    ["Name", "tail"],
    ["Alias", "containers"],
    ["Tag", "kube.*"],
    ["Path", "/var/log/containers/*.log"],
    ["multiline.parser", "cri"],
    ["DB", `${STATE_PREFIX}-containers.db`],
    ["Skip_Long_Lines", "On"],
    ["Refresh_Interval", 10],
    ["storage.type", "filesystem"],
  ];
  const talos = (alias: string, port: number): Entry[] => [
    ["Name", "tcp"],
    ["Alias", `talos-${alias}`],
    ["Tag", `talos.${alias}`],
    ["Listen", "127.0.0.1"],
    ["Port", port],
    ["Format", "json"],
    ["storage.type", "filesystem"],
  ];
  const audit: Entry[] = [
    ["Name", "tail"],
    ["Alias", "audit"],
    ["Tag", "audit.*"],
    ["Path", "/var/log/audit/kube/*.log"],
    ["Parser", "audit"],
    ["DB", `${STATE_PREFIX}-audit.db`],
    ["storage.type", "filesystem"],
  ];
  return sections("INPUT", [
    containers,
    ...(o.talosLogs
      ? [talos("services", TALOS_LOG_PORTS.services), talos("kernel", TALOS_LOG_PORTS.kernel)]
      : []),
    ...(o.auditLogs ? [audit] : []),
  ]);
}

/** Kubernetes metadata on container logs, a `source` per input, and the cluster and node on every record. */
export function filterSections(o: ResolvedFluentBitOptions): string {
  const kubernetes: Entry[] = [
    ["Name", "kubernetes"],
    ["Alias", "kubernetes"],
    ["Match", "kube.*"],
    ["Kube_Tag_Prefix", "kube.var.log.containers."],
    ["Merge_Log", "On"],
    ["Keep_Log", "Off"],
    ["K8S-Logging.Parser", "On"],
    ["K8S-Logging.Exclude", "On"],
    ["Labels", "On"],
    ["Annotations", "Off"],
  ];
  const source = (match: string, value: string, more: readonly Entry[] = []): Entry[] => [
    ["Name", "modify"],
    ["Match", match],
    ["Add", `source ${value}`],
    ...more,
  ];
  const identity: Entry[] = [
    ["Name", "modify"],
    ["Alias", "identity"],
    ["Match", "*"],
    ["Add", `cluster ${o.settings.name}`],
    ["Add", `node ${fluentBitEnv(NODE_NAME_ENV)}`],
  ];
  return sections("FILTER", [
    kubernetes,
    source("kube.*", "container"),
    ...(o.talosLogs ? [source("talos.services", "talos"), source("talos.kernel", "kernel")] : []),
    ...(o.auditLogs ? [source("audit.*", "audit", [["Copy", "requestURI msg"]])] : []),
    identity,
  ]);
}

/** Fields VictoriaLogs takes the message from: the first one a record has that is not empty. */
export const MESSAGE_FIELDS = ["log", "msg", "message"] as const;

/** The ingestion URI: VictoriaLogs' JSON-lines path with the stream, message and time fields as query args. */
export function ingestionUri(o: ResolvedFluentBitOptions): string {
  const args = [
    `_stream_fields=${o.streamFields.join(",")}`,
    `_msg_field=${MESSAGE_FIELDS.join(",")}`,
    "_time_field=date",
  ];
  return `${o.logsHub.path}?${args.join("&")}`;
}

export function outputSections(o: ResolvedFluentBitOptions): string {
  return sections("OUTPUT", [
    [
      ["Name", "http"],
      ["Alias", "victoria-logs"],
      ["Match", "*"],
      ["Host", o.logsHub.host],
      ["Port", o.logsHub.port],
      ["URI", ingestionUri(o)],
      ["Format", "json_lines"],
      ["Json_Date_Key", "date"],
      ["Json_Date_Format", "iso8601"],
      ["Compress", "gzip"],
      ["tls", o.logsHub.tls ? "On" : "Off"],
      ...Object.entries(o.logsHub.headers).map(([name, value]): Entry => ["Header", `${name} ${value}`]),
      ["Retry_Limit", "no_limits"],
      ["storage.total_limit_size", "1G"],
    ],
  ]);
}

/** The audit log's JSON, timed by when the API server received the request. */
export function customParsers(o: ResolvedFluentBitOptions): string {
  if (!o.auditLogs) return "";
  return sections("PARSER", [
    [
      ["Name", "audit"],
      ["Format", "json"],
      ["Time_Key", "requestReceivedTimestamp"],
      ["Time_Format", "%Y-%m-%dT%H:%M:%S.%L%z"],
    ],
  ]);
}
