import type { ChartSource } from "@k8s-ops/core";
import { ClusterRoleBinding } from "kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding";
import { ServiceAccount } from "kubernetes-models/v1/ServiceAccount";
import type { IToleration } from "kubernetes-models/v1/Toleration";
import type { ResolvedSystemUpgradeControllerOptions } from "./options.js";

/** bjw-s' app-template: upstream publishes no chart for system-upgrade-controller. */
export const APP_TEMPLATE_CHART: ChartSource = {
  url: "oci://ghcr.io/bjw-s-labs/helm/app-template",
  // renovate: datasource=docker depName=ghcr.io/bjw-s-labs/helm/app-template
  tag: "5.1.0",
};

export interface ImageRef {
  readonly repository: string;
  readonly tag: string;
}

export const SYSTEM_UPGRADE_CONTROLLER_IMAGE: ImageRef = {
  repository: "docker.io/rancher/system-upgrade-controller",
  // renovate: datasource=docker depName=docker.io/rancher/system-upgrade-controller
  tag: "v0.15.2",
};

/** The Kubernetes ServiceAccount of the controller and of the Jobs its Plans run. */
export const SERVICE_ACCOUNT = "system-upgrade";
export const CONTROLLER_NAME = "system-upgrade-controller";

const fieldRef = (fieldPath: string) => ({ valueFrom: { fieldRef: { fieldPath } } });

/** Tolerations so the controller and the Plans' Jobs also run on control-plane nodes. */
export const CONTROL_PLANE_TOLERATIONS: readonly IToleration[] = [
  { key: "CriticalAddonsOnly", operator: "Exists" },
  { effect: "NoSchedule", key: "node-role.kubernetes.io/control-plane", operator: "Exists" },
];

/** app-template values: the controller Deployment, unprivileged, read-only, on the ServiceAccount below. */
export function controllerValues(o: ResolvedSystemUpgradeControllerOptions): Record<string, unknown> {
  const env = {
    SYSTEM_UPGRADE_CONTROLLER_LEADER_ELECT: String(o.replicas > 1),
    SYSTEM_UPGRADE_CONTROLLER_NAME: CONTROLLER_NAME,
    SYSTEM_UPGRADE_CONTROLLER_NAMESPACE: fieldRef("metadata.namespace"),
    SYSTEM_UPGRADE_CONTROLLER_NODE_NAME: fieldRef("spec.nodeName"),
    // upgrade-k8s walks every node; give a Job an hour.
    SYSTEM_UPGRADE_JOB_ACTIVE_DEADLINE_SECONDS: "3600",
    SYSTEM_UPGRADE_JOB_BACKOFF_LIMIT: "99",
    // A Job's pod dies with the node it upgrades; replace it only once it has failed.
    SYSTEM_UPGRADE_JOB_POD_REPLACEMENT_POLICY: "Failed",
    // talosctl talks to the Talos API: the Jobs need no privileged container.
    SYSTEM_UPGRADE_JOB_PRIVILEGED: "false",
    SYSTEM_UPGRADE_JOB_TTL_SECONDS_AFTER_FINISH: "900",
    SYSTEM_UPGRADE_PLAN_POLLING_INTERVAL: "15m",
  };
  const container = {
    env,
    image: { ...SYSTEM_UPGRADE_CONTROLLER_IMAGE },
    securityContext: {
      allowPrivilegeEscalation: false,
      capabilities: { drop: ["ALL"] },
      readOnlyRootFilesystem: true,
    },
  };
  const pod = {
    securityContext: {
      runAsGroup: 65534,
      runAsNonRoot: true,
      runAsUser: 65534,
      seccompProfile: { type: "RuntimeDefault" },
    },
    tolerations: CONTROL_PLANE_TOLERATIONS,
  };
  return {
    controllers: {
      [CONTROLLER_NAME]: {
        containers: { app: container },
        pod,
        replicas: o.replicas,
        serviceAccount: { name: SERVICE_ACCOUNT },
        strategy: "RollingUpdate",
      },
    },
    persistence: { tmp: { type: "emptyDir" } },
  };
}

/**
 * The controller labels and cordons nodes, creates Jobs on any node and registers its CRD: upstream binds it to
 * cluster-admin, and so does this.
 */
export function controllerRbac(namespace: string): [ServiceAccount, ClusterRoleBinding] {
  return [
    new ServiceAccount({ metadata: { name: SERVICE_ACCOUNT } }),
    new ClusterRoleBinding({
      metadata: { name: SERVICE_ACCOUNT },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name: "cluster-admin" },
      subjects: [{ kind: "ServiceAccount", name: SERVICE_ACCOUNT, namespace }],
    }),
  ];
}
