import { type ChartSource, type Component, helmApp, OptionError } from "@k8s-ops/core";
import { type CertManagerOptions, resolveOptions } from "./options.js";

export const CERT_MANAGER_CHART: ChartSource = {
  url: "oci://quay.io/jetstack/charts/cert-manager",
  // renovate: datasource=docker depName=quay.io/jetstack/charts/cert-manager
  tag: "v1.21.1",
};

/** The CRD groups the chart installs: apps with Certificates or issuers depend on cert-manager through them. */
export const CERT_MANAGER_CRDS = ["cert-manager.io/*", "acme.cert-manager.io/*"];

export interface CertManager extends Component {}

/** cert-manager with its CRDs, waiting until its webhook serves so issuers and certificates apply. */
export function certManager(options: CertManagerOptions = {}): CertManager {
  const o = resolveOptions(options);
  if (!Number.isInteger(o.replicas) || o.replicas < 1) {
    throw new OptionError({
      path: "cert-manager: replicas",
      message: "cert-manager needs at least one replica",
      expected: "an integer ≥ 1",
      found: String(o.replicas),
    });
  }
  const app = helmApp({
    name: "cert-manager",
    namespace: o.namespace,
    layer: "controllers",
    chart: CERT_MANAGER_CHART,
    values: {
      crds: { enabled: true, keep: true },
      dns01RecursiveNameservers: o.dns01Nameservers.join(","),
      dns01RecursiveNameserversOnly: true,
      prometheus: { enabled: true },
      replicaCount: o.replicas,
    },
    crds: CERT_MANAGER_CRDS,
    wait: true,
  });
  return { name: "cert-manager", apps: [app] };
}
