import type { IEnvVar } from "kubernetes-models/v1/EnvVar";
import { CONTROL_PLANE_TOLERATIONS, SERVICE_ACCOUNT } from "./controller.js";
import { Plan, type PlanContainer, type PlanSecret, TalosServiceAccount } from "./models.js";
import type { ResolvedSystemUpgradeControllerOptions } from "./options.js";

export const TALOSCTL_IMAGE = "ghcr.io/siderolabs/talosctl";

/** The Talos ServiceAccount; Talos writes its talosconfig to the Secret of the same name. */
export const TALOS_SERVICE_ACCOUNT = "talos";

/** Where the Plans mount the talosconfig: the path talosctl reads inside a pod. */
const TALOS_SECRET: PlanSecret = {
  ignoreUpdates: true,
  name: TALOS_SERVICE_ACCOUNT,
  path: "/var/run/secrets/talos.dev",
};

const NODE_IP: IEnvVar = { name: "NODE_IP", valueFrom: { fieldRef: { fieldPath: "status.hostIP" } } };

/** talosctl at the cluster's Talos version, aimed at the node the Job runs on. */
function talosctl(talosVersion: string, args: readonly string[]): PlanContainer {
  return {
    args: ["--nodes=$(NODE_IP)", ...args],
    envs: [NODE_IP],
    image: `${TALOSCTL_IMAGE}:${talosVersion}`,
  };
}

/** The Talos ServiceAccount allowed `os:admin`, whose talosconfig the Plans use. */
export function talosServiceAccount(): TalosServiceAccount {
  return new TalosServiceAccount({
    metadata: { name: TALOS_SERVICE_ACCOUNT },
    spec: { roles: ["os:admin"] },
  });
}

/** An image reference as its repository and its tag, if it has one (a `:` after the last `/`). */
export function splitTag(image: string): { readonly repository: string; readonly tag?: string } {
  const match = /^(.*):([^:/]+)$/.exec(image);
  return match ? { repository: match[1] ?? "", tag: match[2] } : { repository: image };
}

/** Upgrades Talos node by node: waits for a healthy cluster, then installs the version and lets the node reboot. */
export function talosPlan(o: ResolvedSystemUpgradeControllerOptions): Plan {
  const version = o.settings.talosVersion;
  const upgrade = [
    "upgrade",
    `--image=${splitTag(o.installerImage).repository}:${version}`,
    `--preserve=${o.preserve}`,
    "--wait=false",
  ];
  return new Plan({
    metadata: { name: "talos" },
    spec: {
      concurrency: o.concurrency,
      exclusive: true,
      nodeSelector: { matchExpressions: [{ key: "kubernetes.io/os", operator: "In", values: ["linux"] }] },
      // The Job ends when the node accepts the upgrade; let it go down before the next node's health check.
      postCompleteDelay: "2m",
      prepare: talosctl(version, ["health"]),
      secrets: [TALOS_SECRET],
      serviceAccountName: SERVICE_ACCOUNT,
      tolerations: CONTROL_PLANE_TOLERATIONS,
      upgrade: talosctl(version, upgrade),
      version,
    },
  });
}

/** Upgrades Kubernetes with `talosctl upgrade-k8s`, from a control-plane node, once the cluster is healthy. */
export function kubernetesPlan(o: ResolvedSystemUpgradeControllerOptions): Plan {
  const { kubernetesVersion, talosVersion } = o.settings;
  return new Plan({
    metadata: { name: "kubernetes" },
    spec: {
      concurrency: 1,
      exclusive: true,
      nodeSelector: {
        matchExpressions: [{ key: "node-role.kubernetes.io/control-plane", operator: "Exists" }],
      },
      prepare: talosctl(talosVersion, ["health"]),
      secrets: [TALOS_SECRET],
      serviceAccountName: SERVICE_ACCOUNT,
      tolerations: CONTROL_PLANE_TOLERATIONS,
      upgrade: talosctl(talosVersion, ["upgrade-k8s", `--to=${kubernetesVersion}`]),
      version: kubernetesVersion,
    },
  });
}
