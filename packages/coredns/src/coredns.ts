import { type ChartSource, type Component, helmApp, OptionError } from "@k8s-ops/core";
import { parseCidr } from "cidr-tools";
import { type CorednsOptions, type ResolvedCorednsOptions, resolveOptions } from "./options.js";

export const COREDNS_CHART: ChartSource = {
  url: "oci://ghcr.io/coredns/charts/coredns",
  // renovate: datasource=docker depName=ghcr.io/coredns/charts/coredns
  tag: "1.47.0",
};

export interface Coredns extends Component {
  /** The cluster DNS service address (what kubelet's clusterDNS points at). */
  readonly serviceIp: string;
}

/**
 * The address Talos gives kubelet as cluster DNS: the tenth of the service CIDR. CoreDNS must sit there, as
 * `kube-dns`, for pods to resolve anything.
 */
export function clusterDnsIp(serviceCidr: string): string {
  const { start, version } = parseCidr(serviceCidr);
  if (version !== 4)
    throw new OptionError({
      path: "coredns: settings.network.serviceCidr",
      message: "only IPv4 service CIDRs are supported",
      expected: "an IPv4 CIDR",
      found: serviceCidr,
    });
  const ip = start + 10n;
  return [24n, 16n, 8n, 0n].map((shift) => String((ip >> shift) & 255n)).join(".");
}

function plugin(name: string, parameters?: string, configBlock?: string) {
  return { configBlock, name, parameters };
}

function corednsValues(o: ResolvedCorednsOptions, serviceIp: string): Record<string, unknown> {
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
  return {
    affinity: {
      nodeAffinity: {
        requiredDuringSchedulingIgnoredDuringExecution: {
          nodeSelectorTerms: [
            { matchExpressions: [{ key: "node-role.kubernetes.io/control-plane", operator: "Exists" }] },
          ],
        },
      },
    },
    fullnameOverride: "coredns",
    image: { repository: "mirror.gcr.io/coredns/coredns" },
    k8sAppLabelOverride: "kube-dns",
    replicaCount: o.replicas,
    servers: [{ plugins, port: 53, zones: [{ scheme: "dns://", use_tcp: true, zone: "." }] }],
    service: { clusterIP: serviceIp, name: "kube-dns" },
    serviceAccount: { create: true },
    tolerations: [{ effect: "NoSchedule", key: "node-role.kubernetes.io/control-plane", operator: "Exists" }],
  };
}

/** CoreDNS as `kube-dns` at the address kubelet expects, replacing the CoreDNS Talos would deploy. */
export function coredns(options: CorednsOptions): Coredns {
  const o = resolveOptions(options);
  if (!Number.isInteger(o.replicas) || o.replicas < 1) {
    throw new OptionError({
      path: "coredns: replicas",
      message: "CoreDNS needs at least one replica",
      expected: "an integer ≥ 1",
      found: String(o.replicas),
    });
  }
  const serviceIp = clusterDnsIp(o.settings.network.serviceCidr);
  const app = helmApp({
    name: "coredns",
    namespace: o.namespace,
    layer: "controllers",
    chart: COREDNS_CHART,
    values: corednsValues(o, serviceIp),
  });
  return { name: "coredns", apps: [app], serviceIp };
}
