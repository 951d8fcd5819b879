import {
  type AppRef,
  appRef,
  type ChartSource,
  type Component,
  helmApp,
  OptionError,
  packageOf,
} from "@k8s-ops/core";
import { DNS_LABEL, isCount } from "./formats.js";
import { type ResolvedStrimziOptions, resolveOptions, type StrimziOptions } from "./options.js";

/** Named on every object this package renders into a cluster. */
const SOURCE = packageOf(import.meta.url);

export const STRIMZI_CHART: ChartSource = {
  url: "oci://quay.io/strimzi-helm/strimzi-kafka-operator",
  // renovate: datasource=docker depName=quay.io/strimzi-helm/strimzi-kafka-operator
  tag: "1.2.0",
};

/** The CRD groups the chart installs: apps with Kafka, KafkaNodePool, KafkaTopic or KafkaUser depend on it. */
export const STRIMZI_CRDS = ["kafka.strimzi.io/*", "core.strimzi.io/*"];

export interface Strimzi extends Component {
  /** The cluster operator's app. */
  readonly operator: AppRef;
  /** The namespaces it manages Kafka resources in besides its own, or `"all"`. */
  readonly watchNamespaces: readonly string[] | "all";
}

/** The Strimzi cluster operator with its CRDs (KRaft only, `v1` APIs), waiting until it serves. */
export function strimzi(options: StrimziOptions = {}): Strimzi {
  const o = resolveOptions(options);
  checkOptions(o);
  const app = helmApp({
    name: "strimzi-kafka-operator",
    namespace: o.namespace,
    layer: "controllers",
    chart: STRIMZI_CHART,
    values: operatorValues(o),
    crds: STRIMZI_CRDS,
    wait: true,
  });
  return {
    name: "strimzi",
    source: SOURCE,
    apps: [app],
    operator: appRef(app),
    watchNamespaces: o.watchNamespaces,
  };
}

function operatorValues(o: ResolvedStrimziOptions): Record<string, unknown> {
  const watch =
    o.watchNamespaces === "all"
      ? { watchAnyNamespace: true }
      : { watchAnyNamespace: false, watchNamespaces: [...o.watchNamespaces] };
  return { replicas: o.replicas, ...watch };
}

function checkOptions(o: ResolvedStrimziOptions): void {
  const fail = (field: string, message: string, expected: string, found: string): never => {
    throw new OptionError({ path: `strimzi: ${field}`, message, expected, found });
  };
  if (!isCount(o.replicas))
    fail("replicas", "the operator needs at least one replica", "an integer ≥ 1", String(o.replicas));
  const namespaces = o.watchNamespaces === "all" ? [o.namespace] : [o.namespace, ...o.watchNamespaces];
  const bad = namespaces.find((ns) => !DNS_LABEL.test(ns) || ns.length > 63);
  if (bad !== undefined)
    fail(
      "watchNamespaces",
      "not a valid namespace name",
      "lowercase RFC 1123 labels such as kafka",
      JSON.stringify(bad),
    );
  if (o.watchNamespaces !== "all" && o.watchNamespaces.includes(o.namespace))
    fail(
      "watchNamespaces",
      "the operator always watches its own namespace; listing it makes the chart create its RoleBindings twice",
      `namespaces other than ${o.namespace}`,
      JSON.stringify(o.namespace),
    );
}
