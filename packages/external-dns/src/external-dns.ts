import {
  type ChartSource,
  type Component,
  helmApp,
  isDomainName,
  OptionError,
  packageOf,
  SERVICE_MONITOR,
} from "@k8s-ops/core";
import { checkItemOptions, storeSecret } from "@k8s-ops/external-secrets";
import { type ExternalDnsOptions, type ResolvedExternalDnsOptions, resolveOptions } from "./options.js";

/** Named on every object this package renders into a cluster. */
const SOURCE = packageOf(import.meta.url);

/** The chart, from the home-operations OCI mirror: upstream publishes it only as a classic Helm repository. */
export const EXTERNAL_DNS_CHART: ChartSource = {
  url: "oci://ghcr.io/home-operations/charts-mirror/external-dns",
  // renovate: datasource=docker depName=ghcr.io/home-operations/charts-mirror/external-dns
  tag: "1.21.1",
};

/** The CRD the chart ships (in its `crds/`), for DNSEndpoint objects published through the `crd` source. */
export const EXTERNAL_DNS_CRDS = ["externaldns.k8s.io/DNSEndpoint"];

/** The environment variable external-dns' Cloudflare provider reads the API token from. */
const TOKEN_ENV = "CF_API_TOKEN";

export interface ExternalDns extends Component {}

/** external-dns writing Cloudflare records for the cluster's Gateway API routes (and DNSEndpoints). */
export function externalDns(options: ExternalDnsOptions): ExternalDns {
  const o = resolveOptions(options);
  checkOptions(o);
  const token = storeSecret({
    name: "external-dns",
    store: o.store,
    item: o.cloudflareItem,
    template: { [TOKEN_ENV]: `{{ .${o.cloudflareTokenField} }}` },
  });
  const installsCrds = o.sources.includes("crd");
  const app = helmApp({
    name: "external-dns",
    namespace: o.namespace,
    layer: "platform",
    chart: EXTERNAL_DNS_CHART,
    values: externalDnsValues(o, token.secretName),
    chartKinds: o.serviceMonitor ? [SERVICE_MONITOR] : [],
    objects: [token.object],
    uses: [...token.uses, ...(o.gateway ? [o.gateway] : [])],
    crds: installsCrds ? EXTERNAL_DNS_CRDS : [],
    // Apps with DNSEndpoints (cloudflared's tunnel record) apply once the CRD is there.
    wait: installsCrds,
  });
  return { name: "external-dns", source: SOURCE, apps: [app] };
}

function externalDnsValues(o: ResolvedExternalDnsOptions, secretName: string): Record<string, unknown> {
  return {
    domainFilters: [...o.domainFilters],
    env: [{ name: TOKEN_ENV, valueFrom: { secretKeyRef: { key: TOKEN_ENV, name: secretName } } }],
    extraArgs: extraArgs(o),
    fullnameOverride: "external-dns",
    podAnnotations: { "secret.reloader.stakater.com/reload": secretName },
    policy: o.policy,
    provider: { name: "cloudflare" },
    serviceMonitor: { enabled: o.serviceMonitor },
    sources: [...o.sources],
    triggerLoopOnEvent: true,
    txtOwnerId: o.txtOwnerId,
    txtPrefix: o.txtPrefix,
  };
}

function extraArgs(o: ResolvedExternalDnsOptions): string[] {
  return [
    "--cloudflare-dns-records-per-page=1000",
    ...(o.proxied ? ["--cloudflare-proxied"] : []),
    ...(o.gateway ? [`--gateway-name=${o.gateway.name}`, `--gateway-namespace=${o.gateway.namespace}`] : []),
  ];
}

const OWNER_ID = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const VARIABLE = /\$\{[_a-zA-Z][_a-zA-Z0-9]*\}/g;

function checkOptions(o: ResolvedExternalDnsOptions): void {
  const fail = (field: string, message: string, expected: string, found: string): never => {
    throw new OptionError({ path: `external-dns: ${field}`, message, expected, found });
  };
  if (!OWNER_ID.test(o.txtOwnerId.replace(VARIABLE, "x")))
    fail(
      "txtOwnerId",
      "not a usable owner id",
      "a per-cluster id such as the cluster name",
      JSON.stringify(o.txtOwnerId),
    );
  if (o.domainFilters.length === 0)
    fail(
      "domainFilters",
      "external-dns needs at least one zone to write to",
      "zones such as example.com",
      "[]",
    );
  const zone = o.domainFilters.find((z) => !isDomainName(z));
  if (zone !== undefined)
    fail(
      "domainFilters",
      "not a DNS zone",
      "a zone such as example.com or ${SECRET_DOMAIN}",
      JSON.stringify(zone),
    );
  if (o.sources.length === 0) fail("sources", "nothing to publish", "at least one source", "[]");
  if (/\s/.test(o.txtPrefix))
    fail("txtPrefix", "a DNS label cannot hold spaces", "a prefix such as k8s.", o.txtPrefix);
  checkItemOptions({
    builder: "external-dns",
    item: ["cloudflareItem", o.cloudflareItem],
    field: ["cloudflareTokenField", o.cloudflareTokenField],
    holds: "the Cloudflare token",
  });
}
