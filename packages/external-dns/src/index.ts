export { EXTERNAL_DNS_CHART, EXTERNAL_DNS_CRDS, type ExternalDns, externalDns } from "./external-dns.js";
export type { ExternalDnsOptions, ExternalDnsSource } from "./options.js";
