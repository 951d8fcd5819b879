import {
  type App,
  appRef,
  type ChartSource,
  type Component,
  defineApp,
  FLUX_SOURCE,
  helmApp,
  packageOf,
  reference,
  type ServiceEndpoint,
} from "@k8s-ops/core";
import { checkOptions } from "./checks.js";
import { instanceValues } from "./instance.js";
import { alert, provider, receiver, WEBHOOK_SERVICE } from "./notifications.js";
import { deployedSecrets, type FluxOptions, type ResolvedFluxOptions, resolveOptions } from "./options.js";

/** Named on every object this package renders into a cluster. */
const SOURCE = packageOf(import.meta.url);

export const FLUX_OPERATOR_CHART: ChartSource = {
  url: "oci://ghcr.io/controlplaneio-fluxcd/charts/flux-operator",
  // renovate: datasource=docker depName=ghcr.io/controlplaneio-fluxcd/charts/flux-operator
  tag: "0.58.1",
};

/** flux-instance is released with flux-operator: it takes the operator chart's version, by construction. */
export const FLUX_INSTANCE_CHART: ChartSource = {
  url: "oci://ghcr.io/controlplaneio-fluxcd/charts/flux-instance",
  tag: FLUX_OPERATOR_CHART.tag,
};

/** The CRD group flux-operator installs (FluxInstance, FluxReport, ResourceSet, ResourceSetInputProvider). */
export const FLUX_OPERATOR_CRDS = ["fluxcd.controlplane.io/*"];

const NAMESPACE = FLUX_SOURCE.namespace;
const FOLDER = "flux-operator";

export interface Flux extends Component {
  /** notification-controller's webhook Service, for a route to the Receiver (when one is configured). */
  readonly webhookReceiver?: ServiceEndpoint;
}

/**
 * Flux run by flux-operator: the operator (with its CRDs), then the FluxInstance that installs the controllers and
 * syncs this cluster's Flux entry, then (optionally) notifications and a GitHub Receiver.
 */
export function flux(options: FluxOptions): Flux {
  const o = resolveOptions(options);
  checkOptions(o);
  const operator = helmApp({
    name: "flux-operator",
    namespace: NAMESPACE,
    layer: "controllers",
    chart: FLUX_OPERATOR_CHART,
    values: { installCRDs: true, priorityClassName: "system-cluster-critical" },
    crds: FLUX_OPERATOR_CRDS,
    wait: true,
  });
  // The FluxInstance is rendered by the chart, so core cannot see its kind: depend on the operator explicitly.
  const instance = helmApp({
    name: "flux-instance",
    namespace: NAMESPACE,
    layer: "controllers",
    folder: FOLDER,
    dir: "instance",
    chart: FLUX_INSTANCE_CHART,
    values: instanceValues(o),
    uses: [appRef(operator)],
  });
  const addons = notificationsApp(o, instance);
  return {
    name: "flux",
    apps: addons ? [operator, instance, addons] : [operator, instance],
    source: SOURCE,
    webhookReceiver: o.receiver && webhookEndpoint(instance),
  };
}

/** Provider and Alert, Receiver and its route, and the Secrets deployed with them, in a stage after the instance. */
function notificationsApp(o: ResolvedFluxOptions, instance: App): App | undefined {
  if (!o.notifications && !o.receiver) return undefined;
  const secrets = deployedSecrets(o);
  const route = o.receiver?.route?.(webhookEndpoint(instance));
  return defineApp({
    name: "flux-notifications",
    namespace: NAMESPACE,
    layer: "config",
    folder: FOLDER,
    dir: "notifications",
    objects: [
      ...secrets.map((secret) => secret.object),
      ...(o.notifications ? [provider(o.notifications), alert(o.notifications)] : []),
      ...(o.receiver ? [receiver(o.receiver)] : []),
      ...(route ? [route.route] : []),
    ],
    uses: [appRef(instance), ...secrets.flatMap((secret) => secret.uses), ...(route?.uses ?? [])],
  });
}

function webhookEndpoint(instance: App): ServiceEndpoint {
  return {
    ...reference("Service", instance, WEBHOOK_SERVICE.name, NAMESPACE),
    namespace: NAMESPACE,
    port: WEBHOOK_SERVICE.port,
    host: `${WEBHOOK_SERVICE.name}.${NAMESPACE}.svc.cluster.local`,
  };
}
