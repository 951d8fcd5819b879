import {
  type ChartSource,
  type Component,
  helmApp,
  OptionError,
  packageOf,
  reference,
  type ServiceEndpoint,
} from "@k8s-ops/core";
import { parseCidr } from "cidr-tools";
import { type CorednsOptions, type ResolvedCorednsOptions, resolveOptions } from "./options.js";
import { corednsValues, KUBE_DNS } from "./values.js";

/** Named on every object this package renders into a cluster. */
const SOURCE = packageOf(import.meta.url);

export const COREDNS_CHART: ChartSource = {
  url: "oci://ghcr.io/coredns/charts/coredns",
  // renovate: datasource=docker depName=ghcr.io/coredns/charts/coredns
  tag: "1.47.0",
};

export interface Coredns extends Component {
  /** The cluster DNS service address (what kubelet's clusterDNS points at). */
  readonly serviceIp: string;
  /** The `kube-dns` Service on port 53, for apps (network policies, …) that name cluster DNS. */
  readonly service: ServiceEndpoint;
}

/**
 * The address Talos gives kubelet as cluster DNS: the tenth of the service CIDR. CoreDNS must sit there, as
 * `kube-dns`, for pods to resolve anything.
 */
export function clusterDnsIp(serviceCidr: string): string {
  const parsed = parseServiceCidr(serviceCidr);
  if (parsed.version !== 4) {
    throw new OptionError({
      path: "coredns: settings.network.serviceCidr",
      message: "only IPv4 service CIDRs are supported",
      expected: "an IPv4 CIDR",
      found: serviceCidr,
    });
  }
  const ip = parsed.start + 10n;
  if (ip > parsed.end) {
    throw new OptionError({
      path: "coredns: settings.network.serviceCidr",
      message: "the service CIDR has no tenth address for cluster DNS",
      expected: "a range of at least 16 addresses (/28 or larger)",
      found: serviceCidr,
    });
  }
  return [24n, 16n, 8n, 0n].map((shift) => String((ip >> shift) & 255n)).join(".");
}

function parseServiceCidr(serviceCidr: string) {
  try {
    const parsed = parseCidr(serviceCidr);
    if (parsed.prefixPresent) return parsed;
  } catch {
    // reported below
  }
  throw new OptionError({
    path: "coredns: settings.network.serviceCidr",
    message: "not a CIDR",
    expected: "a network such as 10.245.0.0/16",
    found: JSON.stringify(serviceCidr),
  });
}

/** CoreDNS as `kube-dns` at the address kubelet expects, replacing the CoreDNS Talos would deploy. */
export function coredns(options: CorednsOptions): Coredns {
  const o = resolveOptions(options);
  checkOptions(o);
  const serviceIp = clusterDnsIp(o.settings.network.serviceCidr);
  const app = helmApp({
    name: "coredns",
    namespace: o.namespace,
    layer: "controllers",
    chart: COREDNS_CHART,
    values: corednsValues(o, serviceIp),
    // Removing cluster DNS from git must never delete it from the cluster.
    prune: false,
  });
  const service: ServiceEndpoint = {
    ...reference("Service", app, KUBE_DNS, o.namespace),
    namespace: o.namespace,
    port: 53,
    host: `${KUBE_DNS}.${o.namespace}.svc.${o.clusterDomain}`,
  };
  return { name: "coredns", source: SOURCE, apps: [app], serviceIp, service };
}

const DOMAIN = /^([a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?\.)*[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$/;

function checkOptions(o: ResolvedCorednsOptions): void {
  if (!Number.isInteger(o.replicas) || o.replicas < 1) {
    throw new OptionError({
      path: "coredns: replicas",
      message: "CoreDNS needs at least one replica",
      expected: "an integer ≥ 1",
      found: String(o.replicas),
    });
  }
  if (!DOMAIN.test(o.clusterDomain)) {
    throw new OptionError({
      path: "coredns: clusterDomain",
      message: "not a DNS domain",
      expected: "lower-case DNS labels joined by dots, such as cluster.local",
      found: JSON.stringify(o.clusterDomain),
    });
  }
  if (o.upstream.trim() === "") {
    throw new OptionError({
      path: "coredns: upstream",
      message: "CoreDNS needs somewhere to forward names outside the cluster",
      expected: '"/etc/resolv.conf" or resolver addresses such as "1.1.1.1 1.0.0.1"',
      found: '""',
    });
  }
}
