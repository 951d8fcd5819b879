import { DNSEndpoint } from "./dns-endpoint.js";
import type { ResolvedCloudflaredOptions } from "./options.js";

/** Where Cloudflare routes a tunnel: a CNAME to this name reaches the tunnel's connectors. */
export const TUNNEL_DOMAIN = "cfargotunnel.com";

/** The Cloudflare provider setting of external-dns that turns Cloudflare's proxy on for a record. */
export const CLOUDFLARE_PROXIED = "external-dns.alpha.kubernetes.io/cloudflare-proxied";

/**
 * The tunnel's record: `dnsName` CNAME `<tunnelId>.cfargotunnel.com`, proxied whatever external-dns' default, since a
 * tunnel is reachable only through Cloudflare's proxy. Routes published as CNAMEs to `dnsName` lead into the tunnel.
 */
export function tunnelRecord(o: ResolvedCloudflaredOptions): DNSEndpoint {
  return new DNSEndpoint({
    metadata: { name: "cloudflared" },
    spec: {
      endpoints: [
        {
          dnsName: o.dnsName,
          providerSpecific: [{ name: CLOUDFLARE_PROXIED, value: "true" }],
          recordType: "CNAME",
          targets: [`${o.tunnelId}.${TUNNEL_DOMAIN}`],
        },
      ],
    },
  });
}
