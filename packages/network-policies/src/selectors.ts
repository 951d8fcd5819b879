/** The label Cilium gives every endpoint with its namespace. */
export const NAMESPACE_LABEL = "k8s:io.kubernetes.pod.namespace";

/** The labels Envoy Gateway puts on every Envoy proxy pod it runs. */
export const ENVOY_PROXY_LABELS: Readonly<Record<string, string>> = {
  "app.kubernetes.io/component": "proxy",
  "app.kubernetes.io/managed-by": "envoy-gateway",
  "app.kubernetes.io/name": "envoy",
};

/** CoreDNS, as the coredns component deploys it: `kube-dns` in kube-system. */
export const KUBE_DNS = { [NAMESPACE_LABEL]: "kube-system", "k8s:k8s-app": "kube-dns" };

/** A policy that allows without putting anything into default deny (only `baseline-default-deny` does that). */
export const ALLOW_ONLY = { egress: false, ingress: false };

/** Every endpoint of the policy's namespace (or of the cluster, for a cluster-wide policy). */
export const ALL = {};

/** The Envoy proxies of the gateways' namespace. */
export function envoyProxies(namespace: string) {
  return { matchLabels: { [NAMESPACE_LABEL]: namespace, ...ENVOY_PROXY_LABELS } };
}

/** Every endpoint of one namespace. */
export function inNamespace(namespace: string) {
  return { matchLabels: { [NAMESPACE_LABEL]: namespace } };
}

/** Endpoints whose namespace is (or is not) one of `namespaces`. */
export function namespaces(operator: "In" | "NotIn", values: readonly string[]) {
  return { matchExpressions: [{ key: NAMESPACE_LABEL, operator, values: [...values].sort() }] };
}
