// Helpers for this package's tests only (not exported from index.ts).
import { type Component, defineApp, type KubeObject, renderComponents, testSettings } from "@k8s-ops/core";
import type { NetworkPolicies } from "./network-policies.js";

/** The Envoy proxies of the envoy-gateway component, as a Cilium endpoint selector. */
export const PROXIES = {
  matchLabels: {
    "app.kubernetes.io/component": "proxy",
    "app.kubernetes.io/managed-by": "envoy-gateway",
    "app.kubernetes.io/name": "envoy",
    "k8s:io.kubernetes.pod.namespace": "network",
  },
};

/** What the policies need from Cilium, as the cilium component provides it: an app serving the cilium.io CRDs. */
export function ciliumStub(): Component {
  const agent = defineApp({
    name: "cilium",
    namespace: "kube-system",
    layer: "controllers",
    objects: [],
    crds: ["cilium.io/*"],
  });
  return { name: "cilium", apps: [agent] };
}

/** An app in a namespace of its own, so the cluster has a namespace that includes the components. */
export function appIn(namespace: string): Component {
  return { name: namespace, apps: [defineApp({ name: "app", namespace, layer: "apps", objects: [] })] };
}

/**
 * Like core's `componentYaml`, for the policies: renders them with Cilium, throws with every finding, and returns
 * the YAML of their app folder and of their namespace component.
 */
export function policiesYaml(policies: NetworkPolicies): string {
  const rendered = renderComponents([ciliumStub(), policies], testSettings());
  if (rendered.findings.length > 0) {
    throw new Error(rendered.findings.map((f) => `${f.code} ${f.path}: ${f.message}`).join("\n"));
  }
  const folders = [
    ...policies.apps.map((app) => `apps/${app.namespace}/${app.folder}/`),
    ...policies.namespaceComponents.map((component) => `components/${component.name}/`),
  ];
  return [...rendered.files]
    .filter(([path]) => folders.some((folder) => path.startsWith(folder)))
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([path, content]) => `# ---- ${path}\n${content}`)
    .join("\n");
}

/** The baseline policies (the namespace component's objects), by name, as the YAML shows them. */
export function baseline(policies: NetworkPolicies): Map<string, Record<string, unknown>> {
  return byName(policies.namespaceComponents.flatMap((component) => component.objects));
}

/** The cluster-wide policies, by name, as the YAML shows them. */
export function clusterwide(policies: NetworkPolicies): Map<string, Record<string, unknown>> {
  return byName(policies.apps.flatMap((app) => app.objects));
}

function byName(objects: readonly KubeObject[]): Map<string, Record<string, unknown>> {
  return new Map(
    objects.map((object) => [object.metadata?.name ?? "", object.toJSON() as Record<string, unknown>]),
  );
}
