import {
  type AppRef,
  appRef,
  type ChartSource,
  type Component,
  helmApp,
  OptionError,
  packageOf,
  SERVICE_MONITOR,
} from "@k8s-ops/core";
import {
  type DragonflyOperatorOptions,
  type ResolvedDragonflyOperatorOptions,
  resolveOptions,
} from "./options.js";

/** Named on every object this package renders into a cluster. */
const SOURCE = packageOf(import.meta.url);

export const DRAGONFLY_OPERATOR_CHART: ChartSource = {
  url: "oci://ghcr.io/dragonflydb/dragonfly-operator/helm/dragonfly-operator",
  // renovate: datasource=docker depName=ghcr.io/dragonflydb/dragonfly-operator/helm/dragonfly-operator
  tag: "v1.6.1",
};

/** The CRD group the chart installs: apps with Dragonfly objects depend on the operator through it. */
export const DRAGONFLY_CRDS = ["dragonflydb.io/*"];

export interface DragonflyOperator extends Component {
  /** The operator's app. */
  readonly operator: AppRef;
}

/** The Dragonfly operator with its CRD, waiting until it serves. */
export function dragonflyOperator(options: DragonflyOperatorOptions = {}): DragonflyOperator {
  const o = resolveOptions(options);
  checkOptions(o);
  const app = helmApp({
    name: "dragonfly-operator",
    namespace: o.namespace,
    layer: "controllers",
    chart: DRAGONFLY_OPERATOR_CHART,
    values: operatorValues(o),
    chartKinds: o.serviceMonitor ? [SERVICE_MONITOR] : [],
    crds: DRAGONFLY_CRDS,
    wait: true,
  });
  return { name: "dragonfly-operator", source: SOURCE, apps: [app], operator: appRef(app) };
}

function operatorValues(o: ResolvedDragonflyOperatorOptions): Record<string, unknown> {
  return {
    crds: { install: true, keep: true },
    grafanaDashboard: { enabled: false },
    replicaCount: o.replicas,
    serviceMonitor: { enabled: o.serviceMonitor },
  };
}

function checkOptions(o: ResolvedDragonflyOperatorOptions): void {
  const fail = (field: string, message: string, expected: string, found: string): never => {
    throw new OptionError({ path: `dragonfly-operator: ${field}`, message, expected, found });
  };
  if (!Number.isInteger(o.replicas) || o.replicas < 1)
    fail("replicas", "the operator needs at least one replica", "an integer ≥ 1", String(o.replicas));
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(o.namespace) || o.namespace.length > 63)
    fail(
      "namespace",
      "not a valid namespace name",
      "a lowercase RFC 1123 label such as dragonfly-system",
      JSON.stringify(o.namespace),
    );
}
