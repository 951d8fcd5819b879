import { type App, appRef, type ChartSource, type Component, helmApp, packageOf } from "@k8s-ops/core";
import { storeSecret } from "@k8s-ops/external-secrets";
import { checkOptions } from "./checks.js";
import {
  type ActionsRunnerControllerOptions,
  type ResolvedActionsRunnerControllerOptions,
  resolveOptions,
} from "./options.js";

/** Named on every object this package renders into a cluster. */
const SOURCE = packageOf(import.meta.url);

const CHARTS = "oci://ghcr.io/actions/actions-runner-controller-charts";

/**
 * The one version of both charts: the scale set's listener must match its controller, so they move together
 * (one Renovate update for both).
 */
// renovate: datasource=docker depName=ghcr.io/actions/actions-runner-controller-charts/gha-runner-scale-set-controller
export const ARC_VERSION = "0.14.2";

export const ARC_CONTROLLER_CHART: ChartSource = {
  url: `${CHARTS}/gha-runner-scale-set-controller`,
  tag: ARC_VERSION,
};

export const ARC_SCALE_SET_CHART: ChartSource = {
  url: `${CHARTS}/gha-runner-scale-set`,
  tag: ARC_VERSION,
};

/** The CRD group the controller chart installs (AutoscalingRunnerSet, EphemeralRunner, …). */
export const ARC_CRDS = ["actions.github.com/*"];

/** Name of the controller's release, fullname and ServiceAccount. */
export const CONTROLLER_NAME = "actions-runner-controller";

export interface ActionsRunnerController extends Component {
  /** The runner scale set's name: what workflows put in `runs-on`. */
  readonly runsOn: string;
}

/**
 * actions-runner-controller (runner scale set mode) with its CRDs, and a stage with one runner scale set that
 * registers with GitHub as a GitHub App whose credentials come from the secret store.
 */
export function actionsRunnerController(options: ActionsRunnerControllerOptions): ActionsRunnerController {
  const o = resolveOptions(options);
  checkOptions(o);
  const controller = helmApp({
    name: CONTROLLER_NAME,
    namespace: o.namespace,
    layer: "controllers",
    chart: ARC_CONTROLLER_CHART,
    values: {
      fullnameOverride: CONTROLLER_NAME,
      replicaCount: o.replicas,
      serviceAccount: { create: true, name: CONTROLLER_NAME },
    },
    crds: ARC_CRDS,
    wait: true,
  });
  return {
    name: "actions-runner-controller",
    apps: [controller, scaleSetStage(o, controller)],
    source: SOURCE,
    runsOn: o.runnerScaleSetName,
  };
}

/**
 * The runner scale set, in `actions-runner-controller/runners`. Its chart renders an AutoscalingRunnerSet, a kind
 * of the controller's CRDs; the HelmRelease hides that kind from the dependency graph, so the stage uses the
 * controller app directly.
 */
function scaleSetStage(o: ResolvedActionsRunnerControllerOptions, controller: App): App {
  const credentials = storeSecret({
    name: `${o.runnerScaleSetName}-github-app`,
    store: o.store,
    item: o.githubAppItem,
    template: {
      github_app_id: `{{ .${o.githubAppFields.appId} }}`,
      github_app_installation_id: `{{ .${o.githubAppFields.installationId} }}`,
      github_app_private_key: `{{ .${o.githubAppFields.privateKey} }}`,
    },
  });
  return helmApp({
    name: o.runnerScaleSetName,
    namespace: o.namespace,
    layer: "platform",
    folder: "actions-runner-controller",
    dir: "runners",
    chart: ARC_SCALE_SET_CHART,
    values: scaleSetValues(o, credentials.secretName),
    objects: [credentials.object],
    uses: [appRef(controller), ...credentials.uses],
    // Docker-in-Docker runs a privileged sidecar in every runner pod.
    namespaceLabels: o.containerMode === "dind" ? { "pod-security.kubernetes.io/enforce": "privileged" } : {},
  });
}

function scaleSetValues(
  o: ResolvedActionsRunnerControllerOptions,
  secretName: string,
): Record<string, unknown> {
  return {
    controllerServiceAccount: { name: CONTROLLER_NAME, namespace: o.namespace },
    githubConfigSecret: secretName,
    githubConfigUrl: o.githubConfigUrl,
    maxRunners: o.maxRunners,
    minRunners: o.minRunners,
    runnerScaleSetName: o.runnerScaleSetName,
    ...(o.containerMode === "dind" ? { containerMode: { type: "dind" } } : {}),
  };
}
