import {
  type App,
  type AppRef,
  appRef,
  type ChartSource,
  type Component,
  helmApp,
  OptionError,
  POD_MONITOR,
  packageOf,
} from "@k8s-ops/core";
import { type CloudNativePgOptions, type ResolvedCloudNativePgOptions, resolveOptions } from "./options.js";

/** Named on every object this package renders into a cluster. */
const SOURCE = packageOf(import.meta.url);

export const CLOUDNATIVE_PG_CHART: ChartSource = {
  url: "oci://ghcr.io/cloudnative-pg/charts/cloudnative-pg",
  // renovate: datasource=docker depName=ghcr.io/cloudnative-pg/charts/cloudnative-pg
  tag: "0.29.0",
};

export const BARMAN_CLOUD_CHART: ChartSource = {
  url: "oci://ghcr.io/cloudnative-pg/charts/plugin-barman-cloud",
  // renovate: datasource=docker depName=ghcr.io/cloudnative-pg/charts/plugin-barman-cloud
  tag: "0.7.0",
};

/** The CRD group the operator chart installs: apps with Clusters or ScheduledBackups depend on the operator. */
export const CLOUDNATIVE_PG_CRDS = ["postgresql.cnpg.io/*"];

/** The CRD group the plugin chart installs: apps with ObjectStores depend on the plugin. */
export const BARMAN_CLOUD_CRDS = ["barmancloud.cnpg.io/*"];

/** The CRDs whose presence shows an app is cert-manager (the plugin chart renders an Issuer and Certificates). */
const CERT_MANAGER_CRDS = new Set(["cert-manager.io/*", "cert-manager.io/Certificate"]);

export interface CloudNativePg extends Component {
  /** The operator app (installs `postgresql.cnpg.io/*`, waits until it serves). */
  readonly operator: AppRef;
  /** The barman-cloud plugin app (installs `barmancloud.cnpg.io/*`, waits until it serves). */
  readonly barmanCloud: AppRef;
}

/**
 * The CloudNativePG operator with its CRDs and, as a second stage in the same namespace, the barman-cloud plugin
 * that archives WAL and takes base backups to object stores. The same definition serves every cluster.
 */
export function cloudnativePg(options: CloudNativePgOptions): CloudNativePg {
  const o = resolveOptions(options);
  checkOptions(o);
  const operator = helmApp({
    name: "cloudnative-pg",
    namespace: o.namespace,
    layer: "controllers",
    chart: CLOUDNATIVE_PG_CHART,
    values: operatorValues(o),
    chartKinds: o.podMonitor ? [POD_MONITOR] : [],
    crds: CLOUDNATIVE_PG_CRDS,
    wait: true,
  });
  const plugin = helmApp({
    name: "plugin-barman-cloud",
    namespace: o.namespace,
    layer: "controllers",
    folder: "cloudnative-pg",
    dir: "barman-cloud",
    chart: BARMAN_CLOUD_CHART,
    values: pluginValues(),
    crds: BARMAN_CLOUD_CRDS,
    uses: [appRef(operator), appRef(certManagerApp(o))],
    wait: true,
  });
  return {
    name: "cloudnative-pg",
    apps: [operator, plugin],
    source: SOURCE,
    operator: appRef(operator),
    barmanCloud: appRef(plugin),
  };
}

function operatorValues(o: ResolvedCloudNativePgOptions): Record<string, unknown> {
  return {
    config: { clusterWide: true },
    crds: { create: true },
    monitoring: { grafanaDashboard: { create: false }, podMonitorEnabled: o.podMonitor },
    replicaCount: o.replicas,
  };
}

/** The chart's own self-signed Issuer and certificates secure the plugin's link to the operator. */
function pluginValues(): Record<string, unknown> {
  return {
    certificate: { createClientCertificate: true, createIssuer: true, createServerCertificate: true },
    crds: { create: true },
  };
}

function certManagerApp(o: ResolvedCloudNativePgOptions): App {
  const app = o.certManager.apps.find((a) => a.crds.some((crd) => CERT_MANAGER_CRDS.has(crd)));
  if (app) return app;
  throw new OptionError({
    path: "cloudnative-pg: certManager",
    message: "no app of this component installs the cert-manager CRDs the barman-cloud plugin needs",
    expected: 'the cert-manager component (an app with crds: ["cert-manager.io/*"])',
    found: `apps ${o.certManager.apps.map((a) => a.name).join(", ") || "none"}`,
  });
}

function checkOptions(o: ResolvedCloudNativePgOptions): void {
  if (!Number.isInteger(o.replicas) || o.replicas < 1) {
    throw new OptionError({
      path: "cloudnative-pg: replicas",
      message: "the operator needs at least one replica",
      expected: "an integer ≥ 1",
      found: String(o.replicas),
    });
  }
  if (!/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/.test(o.namespace) || o.namespace.length > 63) {
    throw new OptionError({
      path: "cloudnative-pg: namespace",
      message: "not a valid namespace name",
      expected: "a lowercase RFC 1123 label such as cnpg-system",
      found: JSON.stringify(o.namespace),
    });
  }
}
