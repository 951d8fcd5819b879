import type { ResolvedCloudflaredOptions } from "./options.js";

/** Where the config file is mounted and read from (`tunnel --config …`). */
export const CONFIG_PATH = "/etc/cloudflared/config.yaml";

/**
 * cloudflared's config.yaml: every subdomain to the gateway over HTTPS, with the server name its certificate is
 * for, and anything else answered with a 404. Values are JSON strings, which YAML reads as double-quoted scalars.
 */
export function tunnelConfig(o: ResolvedCloudflaredOptions): string {
  const q = (value: string) => JSON.stringify(value);
  return [
    "ingress:",
    `  - hostname: ${q(`*.${o.domain}`)}`,
    "    originRequest:",
    `      originServerName: ${q(o.originServerName)}`,
    `    service: ${q(`https://${o.gateway.host}:${o.gateway.port}`)}`,
    "  - service: http_status:404",
    "",
  ].join("\n");
}
