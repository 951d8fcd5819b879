import {
  type ChartSource,
  type Component,
  helmApp,
  isDomainName,
  isEmailAddress,
  OptionError,
  packageOf,
} from "@k8s-ops/core";
import { checkItemOptions } from "@k8s-ops/external-secrets";
import { type Issuers, issuersStage } from "./issuers.js";
import { type CertManagerOptions, type ResolvedCertManagerOptions, resolveOptions } from "./options.js";

/** Named on every object this package renders into a cluster. */
const SOURCE = packageOf(import.meta.url);

export const CERT_MANAGER_CHART: ChartSource = {
  url: "oci://quay.io/jetstack/charts/cert-manager",
  // renovate: datasource=docker depName=quay.io/jetstack/charts/cert-manager
  tag: "v1.21.1",
};

/** The CRD groups the chart installs: apps with Certificates or issuers depend on cert-manager through them. */
export const CERT_MANAGER_CRDS = ["cert-manager.io/*", "acme.cert-manager.io/*"];

export interface CertManager extends Component {
  /** The Let's Encrypt ClusterIssuers, for `certificate({ issuer })` and for `uses`. */
  readonly issuers: Issuers;
}

/**
 * cert-manager with its CRDs, waiting until its webhook serves, and a stage with the Let's Encrypt staging and
 * production ClusterIssuers (DNS-01 through Cloudflare, the token read from the secret store).
 */
export function certManager(options: CertManagerOptions): CertManager {
  const o = resolveOptions(options);
  checkOptions(o);
  const app = helmApp({
    name: "cert-manager",
    namespace: o.namespace,
    layer: "controllers",
    chart: CERT_MANAGER_CHART,
    values: certManagerValues(o),
    crds: CERT_MANAGER_CRDS,
    wait: true,
  });
  const { app: issuersApp, issuers } = issuersStage(o);
  return { name: "cert-manager", source: SOURCE, apps: [app, issuersApp], issuers };
}

function certManagerValues(o: ResolvedCertManagerOptions): Record<string, unknown> {
  return {
    crds: { enabled: true, keep: true },
    dns01RecursiveNameservers: o.dns01Nameservers.join(","),
    dns01RecursiveNameserversOnly: true,
    prometheus: { enabled: true },
    replicaCount: o.replicas,
  };
}

function checkOptions(o: ResolvedCertManagerOptions): void {
  const fail = (field: string, message: string, expected: string, found: string): never => {
    throw new OptionError({ path: `cert-manager: ${field}`, message, expected, found });
  };
  if (!Number.isInteger(o.replicas) || o.replicas < 1)
    fail("replicas", "cert-manager needs at least one replica", "an integer ≥ 1", String(o.replicas));
  if (!isEmailAddress(o.email))
    fail(
      "email",
      "not an email address",
      "an address such as ops@example.com, or a ${VAR}",
      JSON.stringify(o.email),
    );
  if (o.dnsZones.length === 0)
    fail("dnsZones", "the issuers need at least one DNS zone", "zones such as example.com", "[]");
  const zone = o.dnsZones.find((z) => !isDomainName(z));
  if (zone !== undefined)
    fail(
      "dnsZones",
      "not a DNS zone",
      "a zone such as example.com or ${SECRET_DOMAIN}",
      JSON.stringify(zone),
    );
  checkItemOptions({
    builder: "cert-manager",
    item: ["cloudflareItem", o.cloudflareItem],
    field: ["cloudflareTokenField", o.cloudflareTokenField],
    holds: "the Cloudflare token",
  });
}
