import {
  type ChartSource,
  type Component,
  helmApp,
  isDomainName,
  OptionError,
  packageOf,
  type ServiceEndpoint,
} from "@k8s-ops/core";
import { type FluentBitOptions, type ResolvedFluentBitOptions, resolveOptions } from "./options.js";
import { fluentBitValues } from "./values.js";

/** Named on every object this package renders into a cluster. */
const SOURCE = packageOf(import.meta.url);

export const FLUENT_BIT_CHART: ChartSource = {
  url: "oci://ghcr.io/fluent/helm-charts/fluent-bit",
  // renovate: datasource=docker depName=ghcr.io/fluent/helm-charts/fluent-bit
  tag: "0.56.0",
};

/** Host paths and the host network need the `privileged` Pod Security level on the namespace. */
const PRIVILEGED = { "pod-security.kubernetes.io/enforce": "privileged" };

export interface FluentBit extends Component {
  /**
   * VictoriaLogs' Service the collector sends to. From another cluster it is a cross-cluster reference:
   * `k8s-ops check` fails when the hub's cluster does not run the app serving it.
   */
  readonly hub: ServiceEndpoint;
}

/**
 * Fluent Bit on every node: container logs with Kubernetes metadata, Talos service and kernel logs, the API audit
 * log, each record marked with the cluster and node, all sent to VictoriaLogs on the logs hub.
 */
export function fluentBit(options: FluentBitOptions): FluentBit {
  const o = resolveOptions(options);
  checkOptions(o);
  const app = helmApp({
    name: "fluent-bit",
    namespace: o.namespace,
    layer: "platform",
    chart: FLUENT_BIT_CHART,
    values: fluentBitValues(o),
    namespaceLabels: PRIVILEGED,
    // On the hub's cluster the collector waits for VictoriaLogs; elsewhere nothing in this cluster provides it.
    uses: o.logsHub.cluster === o.settings.name ? [o.logsHub.service] : [],
  });
  return { name: "fluent-bit", source: SOURCE, apps: [app], hub: o.logsHub.service };
}

/** An in-cluster Service name (`<svc>.<ns>.svc[.cluster.local]`): it resolves in the cluster that asks. */
const IN_CLUSTER = /\.svc(\.cluster\.local)?$/;
/** A path segment of a URL: no query, no fragment, no spaces. */
const JSONLINE_PATH = /^(\/[-._~a-zA-Z0-9]+)*\/insert\/jsonline$/;
/** An HTTP header name, and a value Fluent Bit's `Header <name> <value>` line carries whole. */
const TOKEN = /^[-!#$%&'*+.^_`|~0-9a-zA-Z]+$/;
const VALUE = /^\S+$/;
/** A stream field: a record key, dotted for nested keys. */
const FIELD = /^[-_a-zA-Z0-9]+(\.[-_a-zA-Z0-9]+)*$/;

type Fail = (field: string, message: string, expected: string, found: string) => never;

const fail: Fail = (field, message, expected, found) => {
  throw new OptionError({ path: `fluent-bit: ${field}`, message, expected, found });
};

function checkOptions(o: ResolvedFluentBitOptions): void {
  checkHub(o);
  if (o.streamFields.length === 0)
    fail(
      "streamFields",
      "VictoriaLogs needs at least one stream field",
      "record fields such as cluster and node",
      "[]",
    );
  const bad = o.streamFields.find((field) => !FIELD.test(field));
  if (bad !== undefined)
    fail(
      "streamFields",
      "not a record field",
      "letters, digits, '-' and '_', dotted for nested keys",
      JSON.stringify(bad),
    );
}

/** The Service the collector references is the hub's: provided in the cluster the hub runs in. */
function checkService(o: ResolvedFluentBitOptions): void {
  const { cluster, service } = o.logsHub;
  const provider = service.provider.cluster ?? o.settings.name;
  if (provider !== cluster)
    fail(
      "logsHub.service",
      `the Service is provided in cluster ${provider}, but the hub runs in cluster ${cluster}`,
      `VictoriaLogs' Service of cluster ${cluster}`,
      `${service.namespace}/${service.name} of cluster ${provider}`,
    );
}

function checkHub(o: ResolvedFluentBitOptions): void {
  checkService(o);
  const { cluster, host, port, path, headers } = o.logsHub;
  if (!isDomainName(host))
    fail(
      "logsHub.host",
      "not a host name or address",
      "a name such as logs.example.com or an IPv4 address",
      JSON.stringify(host),
    );
  if (cluster !== o.settings.name && IN_CLUSTER.test(host))
    fail(
      "logsHub.host",
      `the hub runs in cluster ${cluster}, but an in-cluster Service name resolves in this cluster (${o.settings.name})`,
      `an address or name cluster ${o.settings.name} reaches cluster ${cluster} by`,
      host,
    );
  if (!Number.isInteger(port) || port < 1 || port > 65535)
    fail("logsHub.port", "not a port number", "an integer in 1..65535", String(port));
  if (!JSONLINE_PATH.test(path))
    fail(
      "logsHub.path",
      "not VictoriaLogs' JSON-lines ingestion path",
      "/insert/jsonline, optionally after a prefix, without a query",
      JSON.stringify(path),
    );
  const header = Object.entries(headers).find(([name, value]) => !TOKEN.test(name) || !VALUE.test(value));
  if (header !== undefined)
    fail(
      "logsHub.headers",
      "not an HTTP header",
      "a token name and a value without spaces",
      JSON.stringify(header.join(": ")),
    );
}
