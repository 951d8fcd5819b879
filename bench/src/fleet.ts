import { certManager } from "@k8s-ops/cert-manager";
import { cilium } from "@k8s-ops/cilium";
import { cloudnativePg } from "@k8s-ops/cloudnative-pg";
import { type Cluster, type Component, clusterApps, defineCluster, testSettings } from "@k8s-ops/core";
import { coredns } from "@k8s-ops/coredns";
import { envoyGateway } from "@k8s-ops/envoy-gateway";
import { externalSecrets } from "@k8s-ops/external-secrets";

/** A synthetic fleet: `clusters` clusters of `appsPerCluster` apps each. */
export interface FleetSize {
  readonly clusters: number;
  readonly appsPerCluster: number;
}

const DOMAIN = "example.com";

/** The platform every synthetic cluster runs, built by the real component packages (12 apps). */
export function platform(index: number): Component[] {
  const settings = fleetSettings(index);
  const secrets = externalSecrets({ vault: `fleet-${index}` });
  const certs = certManager({ store: secrets.secretStore, email: `admin@${DOMAIN}`, dnsZones: [DOMAIN] });
  const gateways = envoyGateway({
    settings,
    addresses: { external: "192.168.0.140", internal: "192.168.0.141" },
    issuer: certs.issuers.production,
    domain: DOMAIN,
  });
  return [
    cilium({ settings }),
    coredns({ settings }),
    secrets,
    certs,
    gateways,
    cloudnativePg({ certManager: certs }),
  ];
}

/** The settings of synthetic cluster `index` (1-based): distinct name and id. */
export function fleetSettings(index: number) {
  return testSettings({ name: `fleet-${index}`, id: ((index - 1) % 255) + 1 });
}

/**
 * One synthetic cluster of exactly `apps` apps: the platform, then tenant apps (a CoreDNS release per tenant
 * namespace) until the count is reached. Throws when `apps` is below the platform's own count.
 */
export function fleetCluster(index: number, apps: number): Cluster {
  const base = platform(index);
  const baseApps = base.reduce((sum, component) => sum + component.apps.length, 0);
  if (apps < baseApps) throw new RangeError(`a fleet cluster needs at least ${baseApps} apps, got ${apps}`);
  const settings = fleetSettings(index);
  const tenants = Array.from({ length: apps - baseApps }, (_, tenant) =>
    coredns({ settings, namespace: tenantNamespace(tenant) }),
  );
  return defineCluster({ settings, components: [...base, ...tenants] });
}

export function tenantNamespace(tenant: number): string {
  return `tenant-${String(tenant).padStart(5, "0")}`;
}

/** Every cluster of a fleet, built in order. */
export function fleet(size: FleetSize): Cluster[] {
  return Array.from({ length: size.clusters }, (_, i) => fleetCluster(i + 1, size.appsPerCluster));
}

/** How many apps a fleet holds. */
export function fleetApps(clusters: readonly Cluster[]): number {
  return clusters.reduce((sum, cluster) => sum + clusterApps(cluster).length, 0);
}
