import { type Component, defineApp, helmApp, OptionError, packageOf } from "@k8s-ops/core";
import { APP_TEMPLATE_CHART, CONTROLLER_NAME, controllerRbac, controllerValues } from "./controller.js";
import type { TalosRole } from "./models.js";
import {
  type ResolvedSystemUpgradeControllerOptions,
  resolveOptions,
  type SystemUpgradeControllerOptions,
} from "./options.js";
import { kubernetesPlan, splitTag, talosPlan, talosServiceAccount } from "./plans.js";

/** Named on every object this package renders into a cluster. */
const SOURCE = packageOf(import.meta.url);

/** The CRD group of Plans; the controller registers it when it starts. */
export const SYSTEM_UPGRADE_CRDS = ["upgrade.cattle.io/*"];

/**
 * Talos serves `talos.dev/ServiceAccount` itself once `kubernetesTalosAPIAccess` is on, so no app installs it: a
 * cluster running the Plans lists it among the kinds it serves (`defineCluster({ served })`).
 */
export const TALOS_SERVED_KINDS = ["talos.dev/ServiceAccount"];

/** The upgrade Jobs use host networking and a host path, which only the privileged Pod Security level allows. */
const PRIVILEGED = { "pod-security.kubernetes.io/enforce": "privileged" };

/** What `machine.features.kubernetesTalosAPIAccess` must allow for the Plans to reach the Talos API. */
export interface TalosApiAccess {
  readonly allowedRoles: readonly TalosRole[];
  readonly allowedKubernetesNamespaces: readonly string[];
}

export interface SystemUpgradeController extends Component {
  readonly talosApiAccess: TalosApiAccess;
}

/** system-upgrade-controller, then a stage with the Talos and Kubernetes upgrade Plans at the cluster's versions. */
export function systemUpgradeController(options: SystemUpgradeControllerOptions): SystemUpgradeController {
  const o = resolveOptions(options);
  checkOptions(o);
  const controller = helmApp({
    name: CONTROLLER_NAME,
    namespace: o.namespace,
    layer: "controllers",
    chart: APP_TEMPLATE_CHART,
    values: controllerValues(o),
    objects: controllerRbac(o.namespace),
    crds: SYSTEM_UPGRADE_CRDS,
    namespaceLabels: PRIVILEGED,
    wait: true,
  });
  const plans = defineApp({
    name: "system-upgrade-plans",
    namespace: o.namespace,
    layer: "config",
    folder: CONTROLLER_NAME,
    dir: "plans",
    objects: [talosServiceAccount(), talosPlan(o), kubernetesPlan(o)],
  });
  return {
    name: "system-upgrade-controller",
    apps: [controller, plans],
    source: SOURCE,
    talosApiAccess: { allowedRoles: ["os:admin"], allowedKubernetesNamespaces: [o.namespace] },
  };
}

const VERSION = /^v[0-9]+\.[0-9]+\.[0-9]+(-[0-9A-Za-z.-]+)?$/;
const UNTAGGED_IMAGE = /^[a-z0-9]+([._-][a-z0-9]+)*(:[0-9]+)?(\/[a-z0-9]+([._-][a-z0-9]+)*)+$/;

function checkOptions(o: ResolvedSystemUpgradeControllerOptions): void {
  for (const field of ["talosVersion", "kubernetesVersion"] as const) {
    const version = o.settings[field];
    if (!VERSION.test(version)) {
      throw new OptionError({
        path: `system-upgrade-controller: settings.${field}`,
        message: "the version is not a release tag",
        expected: "a tag such as v1.13.9",
        found: version,
      });
    }
  }
  checkCount("replicas", o.replicas);
  checkCount("concurrency", o.concurrency);
  checkInstaller(o);
}

/** A repository, optionally tagged with the cluster's Talos version: the Plan's version and image must agree. */
function checkInstaller(o: ResolvedSystemUpgradeControllerOptions): void {
  const { repository, tag } = splitTag(o.installerImage);
  const { talosVersion } = o.settings;
  const fail = (message: string, expected: string): never => {
    throw new OptionError({
      path: "system-upgrade-controller: installerImage",
      message,
      expected,
      found: o.installerImage,
    });
  };
  if (!UNTAGGED_IMAGE.test(repository)) {
    fail(
      "not an installer image reference",
      `registry/path or registry/path:${talosVersion}, such as factory.talos.dev/installer/<schematic id>`,
    );
  }
  if (tag !== undefined && tag !== talosVersion) {
    fail("the installer's tag is not the cluster's Talos version", `${repository}:${talosVersion}`);
  }
}

function checkCount(field: "replicas" | "concurrency", value: number): void {
  if (!Number.isInteger(value) || value < 1) {
    throw new OptionError({
      path: `system-upgrade-controller: ${field}`,
      message: `${field} must be at least one`,
      expected: "an integer ≥ 1",
      found: String(value),
    });
  }
}
