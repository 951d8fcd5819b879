import {
  type ChartSource,
  type Component,
  helmApp,
  isDomainName,
  OptionError,
  packageOf,
} from "@k8s-ops/core";
import { checkItemOptions, storeSecret } from "@k8s-ops/external-secrets";
import { tunnelRecord } from "./dns.js";
import { type CloudflaredOptions, type ResolvedCloudflaredOptions, resolveOptions } from "./options.js";
import { cloudflaredValues } from "./values.js";

/** Named on every object this package renders into a cluster. */
const SOURCE = packageOf(import.meta.url);

export const APP_TEMPLATE_CHART: ChartSource = {
  url: "oci://ghcr.io/bjw-s-labs/helm/app-template",
  // renovate: datasource=docker depName=ghcr.io/bjw-s-labs/helm/app-template
  tag: "5.1.0",
};

export interface Cloudflared extends Component {}

/** A tunnel id as `cloudflared tunnel list` shows it. */
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** A Flux variable standing for the whole value. */
const VARIABLE = /^\$\{[_a-zA-Z][_a-zA-Z0-9]*\}$/;

/**
 * A Cloudflare tunnel that carries `*.<domain>` to the external gateway, on the bjw-s app-template chart, and the
 * tunnel's DNS record (a `DNSEndpoint` external-dns publishes) that the gateway's routes point at.
 */
export function cloudflared(options: CloudflaredOptions): Cloudflared {
  const o = resolveOptions(options);
  checkOptions(o);
  const token = storeSecret({
    name: "cloudflared",
    store: o.store,
    item: o.tunnelItem,
    template: { TUNNEL_TOKEN: `{{ .${o.tunnelTokenField} }}` },
  });
  const app = helmApp({
    name: "cloudflared",
    namespace: o.namespace,
    layer: "platform",
    chart: APP_TEMPLATE_CHART,
    releaseName: "cloudflared",
    values: cloudflaredValues(o, token.secretName),
    objects: [token.object, tunnelRecord(o)],
    uses: [...token.uses, o.gateway],
  });
  return { name: "cloudflared", source: SOURCE, apps: [app] };
}

function checkOptions(o: ResolvedCloudflaredOptions): void {
  const fail = (field: string, message: string, expected: string, found: string): never => {
    throw new OptionError({ path: `cloudflared: ${field}`, message, expected, found });
  };
  if (!isDomainName(o.domain))
    fail(
      "domain",
      "not a domain",
      "a domain such as example.com or ${SECRET_DOMAIN}",
      JSON.stringify(o.domain),
    );
  if (!isDomainName(o.dnsName))
    fail("dnsName", "not a DNS name", "a name such as external.example.com", JSON.stringify(o.dnsName));
  if (!UUID.test(o.tunnelId) && !VARIABLE.test(o.tunnelId))
    fail(
      "tunnelId",
      "not a tunnel id",
      "a UUID such as 6ff42ae2-765d-4adf-8112-31c55c1551ef, or a variable such as ${CLOUDFLARE_TUNNEL_ID}",
      JSON.stringify(o.tunnelId),
    );
  if (!isDomainName(o.originServerName))
    fail("originServerName", "not a DNS name", "a name the gateway's certificate covers", o.originServerName);
  if (!Number.isInteger(o.gateway.port) || o.gateway.port < 1 || o.gateway.port > 65535)
    fail("gateway", "the gateway endpoint has no valid port", "a port in 1..65535", String(o.gateway.port));
  if (!Number.isInteger(o.replicas) || o.replicas < 1)
    fail("replicas", "the tunnel needs at least one replica", "an integer ≥ 1", String(o.replicas));
  checkItemOptions({
    builder: "cloudflared",
    item: ["tunnelItem", o.tunnelItem],
    field: ["tunnelTokenField", o.tunnelTokenField],
    holds: "the tunnel token",
  });
}
