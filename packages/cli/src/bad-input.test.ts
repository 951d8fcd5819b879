import { describe } from "vitest";
import { type BadSource, runCatalog } from "./bad-input-support.js";
import { RAW_HELPER } from "./test-workspace.js";

const HEADER = `import { appRef, defineApp, defineCluster, helmApp, helmRelease, ociRepository, reference, testSettings } from "@k8s-ops/core";
${RAW_HELPER}const chart = { url: "oci://registry.example.org/charts/web", tag: "1.0.0" };
`;

function clusterOf(apps: string, options = ""): string {
  return `${HEADER}export const cluster = defineCluster({ settings: testSettings({ name: "demo" }), components: [{ name: "bad", apps: [${apps}] }]${options} });\n`;
}

function settingsOf(settings: string): string {
  return `import { defineCluster, testSettings } from "@k8s-ops/core";\nexport const cluster = defineCluster({ settings: testSettings({ name: "demo", ${settings} }), components: [] });\n`;
}

const web = (extra: string) =>
  `helmApp({ name: "web", namespace: "default", layer: "apps", chart, ${extra} })`;
const NETWORK = 'network: { nodeCidr: "192.168.0.0/24", podCidr: "10.100.0.0/16"';

/** Bad settings, graphs and modules: each fails with its exact message and leaves the tree as it was. */
const CASES: BadSource[] = [
  {
    name: "a dependsOn cycle",
    source: clusterOf(`
      helmApp({ name: "a", namespace: "default", layer: "apps", chart, uses: [appRef({ name: "b", namespace: "default" })] }),
      helmApp({ name: "b", namespace: "default", layer: "apps", chart, uses: [appRef({ name: "a", namespace: "default" })] })`),
    stderr: [
      "error DEPENDS_ON_CYCLE demo › default/a: dependsOn forms a cycle: default/a → default/b → default/a",
      "  expected: an acyclic dependency graph",
      "  found:    a cycle of 2 apps",
    ],
  },
  {
    name: "an unknown storage class",
    source: clusterOf(
      web(
        `uses: [reference("StorageClass", { name: "rook-ceph-cluster", namespace: "rook-ceph" }, "ceph-block")]`,
      ),
    ),
    stderr: [
      "error REF_UNRESOLVED demo › default/web: uses StorageClass ceph-block, which no app of this cluster provides here",
      "  expected: an app rook-ceph/rook-ceph-cluster in cluster demo",
      "  found:    no such app",
    ],
  },
  {
    name: "a duplicate object",
    source: clusterOf(
      `${web("")}, defineApp({ name: "web-extra", namespace: "default", layer: "apps", objects: [ociRepository("web", chart)] })`,
    ),
    stderr: [
      "error DUPLICATE_OBJECT demo › default/web-extra › OCIRepository default/web: the same object is rendered twice; Flux would apply one over the other",
      "  expected: each (kind, namespace, name) once per cluster",
      "  found:    also rendered by default/web",
    ],
  },
  {
    name: "invalid cluster settings",
    source: `import { defineCluster, testSettings } from "@k8s-ops/core";\nexport const cluster = defineCluster({ settings: testSettings({ name: "Demo", id: 300 }), components: [] });\n`,
    stderr: [
      "error SETTINGS settings/Demo: name: cluster name is not a valid Cilium cluster name",
      "  expected: ≤ 32 characters matching ^([a-z0-9][-a-z0-9]*)?[a-z0-9]$, not 'default'",
      '  found:    "Demo"',
      "error SETTINGS settings/Demo: id: cluster id is out of range",
      "  expected: an integer in 1..255",
      "  found:    300",
    ],
  },
  {
    name: "a cluster name longer than 32 characters",
    source: settingsOf('name: "a-cluster-name-longer-than-32-chars"'),
    stderr: [
      "error SETTINGS settings/a-cluster-name-longer-than-32-chars: name: cluster name is not a valid Cilium cluster name",
      "  expected: ≤ 32 characters matching ^([a-z0-9][-a-z0-9]*)?[a-z0-9]$, not 'default'",
      '  found:    "a-cluster-name-longer-than-32-chars"',
    ],
  },
  {
    name: "a malformed CIDR",
    source: settingsOf(
      `${NETWORK.replace("/16", "/33")}, serviceCidr: "10.101.0.0/16", loadBalancerCidr: "192.168.0.128/27" }`,
    ),
    stderr: [
      "error SETTINGS settings/demo: network.podCidr: not a CIDR",
      "  expected: an IPv4 or IPv6 CIDR such as 10.244.0.0/16",
      '  found:    "10.100.0.0/33"',
    ],
  },
  {
    name: "overlapping CIDRs and a LoadBalancer range outside the node network",
    source: settingsOf(`${NETWORK}, serviceCidr: "10.100.128.0/17", loadBalancerCidr: "192.168.1.0/27" }`),
    stderr: [
      "error SETTINGS settings/demo: network.podCidr: network.podCidr overlaps network.serviceCidr",
      "  expected: a range disjoint from 10.100.128.0/17",
      "  found:    10.100.0.0/16",
      "error SETTINGS settings/demo: network.loadBalancerCidr: network.loadBalancerCidr is not inside the node network",
      "  expected: inside 192.168.0.0/24",
      "  found:    192.168.1.0/27",
    ],
  },
  {
    name: "a dependency on a later layer",
    source: clusterOf(`
      helmApp({ name: "a", namespace: "default", layer: "controllers", chart, uses: [appRef({ name: "b", namespace: "default" })] }),
      helmApp({ name: "b", namespace: "default", layer: "apps", chart })`),
    stderr: [
      "error LAYER_ORDER demo › default/a: depends on default/b, which comes in a later layer",
      "  expected: a dependency in layer controllers or earlier",
      "  found:    default/b in layer apps",
    ],
  },
  {
    name: "an invalid name",
    source: clusterOf(`helmApp({ name: "Web_App", namespace: "default", layer: "apps", chart })`),
    stderr: [
      "error INVALID_NAME demo › default/Web_App: name: name is not a valid DNS-1123 label",
      "  expected: ≤ 63 characters of [a-z0-9-], starting and ending alphanumeric",
      '  found:    "Web_App"',
      "error INVALID_NAME demo › default/Web_App › OCIRepository default/Web_App: metadata.name: name is not a valid DNS-1123 subdomain",
      "  expected: ≤ 253 characters of [a-z0-9-.], starting and ending alphanumeric",
      '  found:    "Web_App"',
      "error INVALID_NAME demo › default/Web_App › HelmRelease default/Web_App: metadata.name: name is not a valid DNS-1123 subdomain",
      "  expected: ≤ 253 characters of [a-z0-9-.], starting and ending alphanumeric",
      '  found:    "Web_App"',
    ],
  },
  {
    name: "an undefined ${VAR}",
    source: clusterOf(web('values: { host: "${UNDEFINED_HOST}" }')),
    stderr: [
      "error VAR_UNDEFINED demo › default/web › HelmRelease default/web: spec.values.host: variable UNDEFINED_HOST is not defined",
      "  expected: one of CLUSTER_ID, CLUSTER_LB_CIDR, CLUSTER_NAME, CLUSTER_NODE_CIDR, CLUSTER_POD_CIDR, CLUSTER_SERVICE_CIDR, KUBERNETES_VERSION, TALOS_VERSION, or ${UNDEFINED_HOST:=default}",
      "  found:    ${UNDEFINED_HOST}",
    ],
  },
  {
    name: "a release name too long for Helm",
    source: clusterOf(
      `helmApp({ name: "a-release-name-that-is-far-too-long-for-helm-to-accept-it", namespace: "default", layer: "apps", chart })`,
    ),
    stderr: [
      "error RELEASE_NAME_TOO_LONG demo › default/a-release-name-that-is-far-too-long-for-helm-to-accept-it › HelmRelease default/a-release-name-that-is-far-too-long-for-helm-to-accept-it: spec.releaseName: Helm release name is too long; set a shorter releaseName",
      "  expected: ≤ 53 characters",
      "  found:    57 characters (a-release-name-that-is-far-too-long-for-helm-to-accept-it)",
    ],
  },
  {
    name: "a builder given an option it cannot use",
    source: `import { OptionError } from "@k8s-ops/core";\nthrow new OptionError({ path: "web: replicas", message: "replicas must be at least 1", expected: "an integer ≥ 1", found: "0" });\n`,
    stderr: [
      "error OPTION clusters/demo/src/cluster.ts › web: replicas: replicas must be at least 1",
      "  expected: an integer ≥ 1",
      "  found:    0",
    ],
  },
  {
    name: "a cluster module that throws",
    source: "const settings = undefined;\nexport const cluster = { settings: settings.name };\n",
    stderr: [
      "error CLUSTER_LOAD clusters/demo/src/cluster.ts: the cluster module failed to load",
      "  expected: a module exporting cluster = defineCluster(…)",
      "  found:    TypeError: Cannot read properties of undefined (reading 'name') (at clusters/demo/src/cluster.ts:2:45)",
    ],
  },
  {
    name: "a cluster module without a cluster",
    source: "export const notACluster = 1;\n",
    stderr: ["error: clusters/demo/src/cluster.ts does not export a 'cluster' made by defineCluster()"],
    status: 2,
  },
];

describe("k8s-ops render and check on bad settings, graphs and modules", () => {
  runCatalog(CASES);
});
