import { describe } from "vitest";
import { type BadSource, runCatalog } from "./bad-input-support.js";
import { RAW_HELPER } from "./test-workspace.js";

const HEADER = `import { appRef, defineApp, defineCluster, helmApp, helmRelease, ociRepository, reference, testSettings } from "@k8s-ops/core";
${RAW_HELPER}const chart = { url: "oci://registry.example.org/charts/web", tag: "1.0.0" };
`;

function clusterOf(apps: string, options = ""): string {
  return `${HEADER}export const cluster = defineCluster({ settings: testSettings({ name: "demo" }), components: [{ name: "bad", apps: [${apps}] }]${options} });\n`;
}

const web = (extra: string) =>
  `helmApp({ name: "web", namespace: "default", layer: "apps", chart, ${extra} })`;
const objectApp = (object: string, namespace = "default") =>
  `defineApp({ name: "web", namespace: "${namespace}", layer: "apps", objects: [${object}] })`;

/** Bad objects and sources: each fails with its exact message and leaves the tree as it was. */
const CASES: BadSource[] = [
  {
    name: "a chartRef to nothing",
    source: clusterOf(objectApp(`ociRepository("other", chart), helmRelease({ name: "web" })`)),
    stderr: [
      "error SOURCE_UNRESOLVED demo › default/web › HelmRelease default/web: spec.chartRef: chartRef names no OCIRepository in the release's namespace",
      "  expected: an OCIRepository default/web rendered in this cluster",
      "  found:    OCIRepository web",
    ],
  },
  {
    name: "a CRD kind nobody installs",
    source: clusterOf(
      objectApp(`raw({ apiVersion: "example.io/v1", kind: "Widget", metadata: { name: "w" } })`),
    ),
    stderr: [
      "error CRD_NOT_PROVIDED demo › default/web: renders Widget (example.io/v1), whose CRD no app of the cluster installs",
      '  expected: an app declaring crds: ["example.io/Widget"] or ["example.io/*"]',
      "  found:    none",
    ],
  },
  {
    name: "a plaintext Secret",
    source: clusterOf(
      objectApp(
        `raw({ apiVersion: "v1", kind: "Secret", metadata: { name: "token" }, stringData: { token: "hunter2" } })`,
      ),
    ),
    stderr: [
      "error PLAINTEXT_SECRET demo › default/web › Secret default/token: a Secret with data is in git unencrypted",
      "  expected: an ExternalSecret, or a *.sops.yaml file encrypted with sops",
      "  found:    plaintext in clusters/demo/apps/default/web/app/secret.yaml",
    ],
  },
  {
    name: "an image on latest",
    source: clusterOf(web('values: { image: { repository: "ghcr.io/example/web", tag: "latest" } }')),
    stderr: [
      "error IMAGE_UNPINNED demo › default/web › HelmRelease default/web: spec.values.image.tag: the image tag is latest",
      "  expected: an exact tag (and digest where known), not latest",
      "  found:    ghcr.io/example/web:latest",
    ],
  },
  {
    name: "a removed API version",
    source: clusterOf(
      objectApp(
        `raw({ apiVersion: "policy/v1beta1", kind: "PodDisruptionBudget", metadata: { name: "web" }, spec: { minAvailable: 1 } })`,
      ),
    ),
    stderr: [
      "error API_DEPRECATED demo › default/web › PodDisruptionBudget default/web: apiVersion: PodDisruptionBudget policy/v1beta1 is removed",
      "  expected: policy/v1",
      "  found:    policy/v1beta1",
    ],
  },
  {
    name: "a CiliumBGPPeeringPolicy",
    source: clusterOf(
      objectApp(
        `raw({ apiVersion: "cilium.io/v2alpha1", kind: "CiliumBGPPeeringPolicy", metadata: { name: "bgp" }, spec: {} })`,
        "kube-system",
      ),
      ', served: ["cilium.io/*"]',
    ),
    stderr: [
      "error API_DEPRECATED demo › kube-system/web › CiliumBGPPeeringPolicy bgp: apiVersion: CiliumBGPPeeringPolicy cilium.io/v2alpha1 is removed",
      "  expected: CiliumBGPClusterConfig, CiliumBGPPeerConfig and CiliumBGPAdvertisement (cilium.io/v2)",
      "  found:    cilium.io/v2alpha1",
    ],
  },
  {
    name: "a chart on a floating tag",
    source: clusterOf(
      `helmApp({ name: "web", namespace: "default", layer: "apps", chart: { url: "oci://registry.example.org/charts/web", tag: "latest" } })`,
    ),
    stderr: [
      "error SOURCE_UNPINNED demo › default/web › OCIRepository default/web: spec.ref: the chart version is not pinned",
      "  expected: an exact ref.tag (not latest) or ref.digest, no semver range",
      '  found:    {"tag":"latest"}',
    ],
  },
  {
    name: "a health check on an object the app does not render",
    source: clusterOf(
      `defineApp({ name: "web", namespace: "default", layer: "apps", objects: [raw({ apiVersion: "v1", kind: "ConfigMap", metadata: { name: "web" }, data: { a: "b" } })], healthChecks: [{ apiVersion: "apps/v1", kind: "Deployment", name: "ghost", namespace: "default" }] })`,
    ),
    stderr: [
      "error HEALTH_CHECK demo › default/web: spec.healthChecks.0: the health check names an object this Kustomization does not render",
      "  expected: an object in the Kustomization's output",
      "  found:    Deployment default/ghost (apps/v1)",
    ],
  },
  {
    name: "an object a CRD validation rule rejects",
    source: clusterOf(
      objectApp(
        `raw({ apiVersion: "gateway.networking.k8s.io/v1", kind: "HTTPRoute", metadata: { name: "web" }, spec: { rules: [{ backendRefs: [{ group: "", kind: "Service", name: "web" }] }] } })`,
      ),
      ', served: ["gateway.networking.k8s.io/*"]',
    ),
    stderr: [
      "error CEL_RULE demo › default/web › HTTPRoute default/web: spec.rules.0.backendRefs.0: Must have port for Service reference",
      "  expected: (size(self.group) == 0 && self.kind == 'Service') ? has(self.port) : true",
      '  found:    {"group":"","kind":"Service","name":"web"}',
    ],
  },
];

describe("k8s-ops render and check on bad objects", () => {
  runCatalog(CASES);
});
