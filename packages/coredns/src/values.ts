import type { ResolvedCorednsOptions } from "./options.js";

/** The CoreDNS image, from Google's Docker Hub mirror; the tag is the chart's appVersion. */
export const COREDNS_IMAGE = {
  repository: "mirror.gcr.io/coredns/coredns",
  // renovate: datasource=docker depName=mirror.gcr.io/coredns/coredns
  tag: "1.14.6",
} as const;

/** The Service's name and the pods' `k8s-app` label that kubelet, Cilium and tools expect of cluster DNS. */
export const KUBE_DNS = "kube-dns";

const CONTROL_PLANE = "node-role.kubernetes.io/control-plane";

function plugin(name: string, parameters?: string, configBlock?: string) {
  return { configBlock, name, parameters };
}

/** The Corefile, as the chart's `servers`: the Kubernetes zone, then everything else to the upstream. */
function servers(o: ResolvedCorednsOptions) {
  const plugins = [
    plugin("errors"),
    plugin("health", undefined, "lameduck 5s"),
    plugin("ready"),
    plugin("log", undefined, "class error"),
    plugin("prometheus", "0.0.0.0:9153"),
    plugin(
      "kubernetes",
      `${o.clusterDomain} in-addr.arpa ip6.arpa`,
      "pods verified\nfallthrough in-addr.arpa ip6.arpa",
    ),
    plugin("autopath", "@kubernetes"),
    plugin("forward", `. ${o.upstream}`),
    plugin("cache", undefined, "prefetch 20\nserve_stale"),
    plugin("loop"),
    plugin("reload"),
    plugin("loadbalance"),
  ];
  return [{ plugins, port: 53, zones: [{ scheme: "dns://", use_tcp: true, zone: "." }] }];
}

/** Runs on the control-plane nodes, one replica per node, and never all down at once. */
function placement(o: ResolvedCorednsOptions): Record<string, unknown> {
  return {
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [{ matchExpressions: [{ key: CONTROL_PLANE, operator: "Exists" }] }],
        },
      },
    },
    ...(o.replicas > 1 ? { podDisruptionBudget: { maxUnavailable: 1 } } : {}),
    tolerations: [
      { key: "CriticalAddonsOnly", operator: "Exists" },
      { effect: "NoSchedule", key: CONTROL_PLANE, operator: "Exists" },
    ],
    topologySpreadConstraints: [
      {
        labelSelector: { matchLabels: { "k8s-app": KUBE_DNS } },
        maxSkew: 1,
        topologyKey: "kubernetes.io/hostname",
        whenUnsatisfiable: "DoNotSchedule",
      },
    ],
  };
}

/** The chart values: CoreDNS as `kube-dns` at the address kubelet points pods at. */
export function corednsValues(o: ResolvedCorednsOptions, serviceIp: string): Record<string, unknown> {
  return {
    ...placement(o),
    fullnameOverride: "coredns",
    image: { ...COREDNS_IMAGE },
    k8sAppLabelOverride: KUBE_DNS,
    priorityClassName: "system-cluster-critical",
    replicaCount: o.replicas,
    servers: servers(o),
    service: { clusterIP: serviceIp, name: KUBE_DNS },
    serviceAccount: { create: true },
  };
}
