import type { ClusterView } from "../context.js";
import { type CheckFinding, finding } from "../finding.js";
import { objectPath } from "../tree/model.js";

/** An API version that is deprecated or gone, and what replaces it. */
export interface ApiChange {
  readonly apiVersion: string;
  /** The kinds it applies to. @default every kind */
  readonly kinds?: readonly string[];
  readonly use: string;
  readonly status: "deprecated" | "removed";
}

const FLUX_SOURCES = ["GitRepository", "HelmRepository", "HelmChart", "Bucket", "OCIRepository"];
const CILIUM_V2 = [
  "CiliumBGPAdvertisement",
  "CiliumBGPClusterConfig",
  "CiliumBGPNodeConfig",
  "CiliumBGPNodeConfigOverride",
  "CiliumBGPPeerConfig",
  "CiliumCIDRGroup",
  "CiliumLoadBalancerIPPool",
  "CiliumNodeConfig",
];

/** The table `k8s-ops check` holds rendered objects against. */
export const API_CHANGES: readonly ApiChange[] = [
  ...["v2beta1", "v2beta2"].map((v) => removed(`helm.toolkit.fluxcd.io/${v}`, "helm.toolkit.fluxcd.io/v2")),
  ...["v1beta1", "v1beta2"].map((v) =>
    removed(`kustomize.toolkit.fluxcd.io/${v}`, "kustomize.toolkit.fluxcd.io/v1"),
  ),
  ...["v1beta1", "v1beta2"].map((v) =>
    removed(`source.toolkit.fluxcd.io/${v}`, "source.toolkit.fluxcd.io/v1", FLUX_SOURCES),
  ),
  ...["v1beta1", "v1beta2"].map((v) =>
    removed(`notification.toolkit.fluxcd.io/${v}`, "notification.toolkit.fluxcd.io/v1beta3", [
      "Alert",
      "Provider",
    ]),
  ),
  ...["v1beta1", "v1beta2", "v1beta3"].map((v) =>
    removed(`notification.toolkit.fluxcd.io/${v}`, "notification.toolkit.fluxcd.io/v1", ["Receiver"]),
  ),
  ...["v1beta1", "v1beta2"].map((v) => removed(`image.toolkit.fluxcd.io/${v}`, "image.toolkit.fluxcd.io/v1")),
  removed("policy/v1beta1", "policy/v1", ["PodDisruptionBudget"]),
  removed("policy/v1beta1", "Pod Security Admission labels on the namespace", ["PodSecurityPolicy"]),
  ...["v2beta1", "v2beta2"].map((v) => removed(`autoscaling/${v}`, "autoscaling/v2")),
  removed("batch/v1beta1", "batch/v1"),
  removed("networking.k8s.io/v1beta1", "networking.k8s.io/v1"),
  removed("extensions/v1beta1", "apps/v1 or networking.k8s.io/v1"),
  ...["v1beta1", "v1beta2"].map((v) => removed(`apps/${v}`, "apps/v1")),
  ...[
    "rbac.authorization.k8s.io",
    "apiextensions.k8s.io",
    "admissionregistration.k8s.io",
    "scheduling.k8s.io",
  ].map((g) => removed(`${g}/v1beta1`, `${g}/v1`)),
  ...["storage.k8s.io", "discovery.k8s.io", "events.k8s.io", "snapshot.storage.k8s.io"].map((g) =>
    removed(`${g}/v1beta1`, `${g}/v1`),
  ),
  ...["v1beta1", "v1beta2", "v1beta3"].map((v) =>
    removed(`flowcontrol.apiserver.k8s.io/${v}`, "flowcontrol.apiserver.k8s.io/v1"),
  ),
  { apiVersion: "cilium.io/v2alpha1", kinds: CILIUM_V2, use: "cilium.io/v2", status: "deprecated" },
  {
    apiVersion: "cilium.io/*",
    kinds: ["CiliumBGPPeeringPolicy"],
    use: "CiliumBGPClusterConfig, CiliumBGPPeerConfig and CiliumBGPAdvertisement (cilium.io/v2)",
    status: "removed",
  },
  ...["v1alpha2", "v1alpha3", "v1beta1"].map((v) => removed(`cert-manager.io/${v}`, "cert-manager.io/v1")),
  removed("external-secrets.io/v1beta1", "external-secrets.io/v1", [
    "ExternalSecret",
    "SecretStore",
    "ClusterSecretStore",
    "ClusterExternalSecret",
  ]),
  {
    apiVersion: "gateway.networking.k8s.io/v1beta1",
    kinds: ["Gateway", "GatewayClass", "HTTPRoute"],
    use: "gateway.networking.k8s.io/v1",
    status: "deprecated",
  },
];

function removed(apiVersion: string, use: string, kinds?: readonly string[]): ApiChange {
  return { apiVersion, use, status: "removed", ...(kinds ? { kinds } : {}) };
}

/** The change that applies to an apiVersion and kind, if any. */
export function apiChange(
  apiVersion: string,
  kind: string,
  table: readonly ApiChange[] = API_CHANGES,
): ApiChange | undefined {
  return table.find((change) => {
    const version = change.apiVersion.endsWith("/*")
      ? apiVersion.startsWith(change.apiVersion.slice(0, -1))
      : change.apiVersion === apiVersion;
    return version && (change.kinds === undefined || change.kinds.includes(kind));
  });
}

/** §14, §34: no deprecated or removed API version (Flux betas, policy/v1beta1, autoscaling betas, …), no CiliumBGPPeeringPolicy. */
export function deprecatedApis(cluster: ClusterView): CheckFinding[] {
  return cluster.tree.objects.flatMap((object) => {
    const change = apiChange(object.apiVersion, object.kind);
    if (!change) return [];
    return [
      finding(
        "API_DEPRECATED",
        objectPath(cluster.name, object, "apiVersion"),
        `${object.kind} ${object.apiVersion} is ${change.status}`,
        {
          expected: change.use,
          found: object.apiVersion,
        },
      ),
    ];
  });
}
