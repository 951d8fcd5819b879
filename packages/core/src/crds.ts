import type { App } from "./app.js";

/** Groups served by Kubernetes itself: their kinds need no CRD. */
const BUILT_IN_GROUPS = new Set([
  "",
  "admissionregistration.k8s.io",
  "apiextensions.k8s.io",
  "apiregistration.k8s.io",
  "apps",
  "autoscaling",
  "batch",
  "certificates.k8s.io",
  "coordination.k8s.io",
  "discovery.k8s.io",
  "events.k8s.io",
  "flowcontrol.apiserver.k8s.io",
  "networking.k8s.io",
  "node.k8s.io",
  "policy",
  "rbac.authorization.k8s.io",
  "resource.k8s.io",
  "scheduling.k8s.io",
  "storage.k8s.io",
]);

/** Flux's own APIs: present wherever Flux reconciles this tree. */
const FLUX_GROUPS = new Set([
  "helm.toolkit.fluxcd.io",
  "kustomize.toolkit.fluxcd.io",
  "notification.toolkit.fluxcd.io",
  "source.toolkit.fluxcd.io",
]);

export function isBuiltInGroup(group: string): boolean {
  return BUILT_IN_GROUPS.has(group) || FLUX_GROUPS.has(group);
}

export function crdKey(group: string, kind: string): string {
  return `${group}/${kind}`;
}

/** Which app installs each CRD kind (`group/Kind`, or `group/*` for a whole group). */
export function crdProviders(apps: readonly App[]): Map<string, App> {
  const providers = new Map<string, App>();
  for (const app of apps) for (const crd of app.crds) providers.set(crd, app);
  return providers;
}
