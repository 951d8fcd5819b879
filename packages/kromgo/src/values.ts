import { toYaml } from "@k8s-ops/core";
import type { ResolvedKromgoOptions } from "./options.js";

/** The kromgo image, pinned by tag. */
export const KROMGO_IMAGE = {
  repository: "ghcr.io/kashalls/kromgo",
  // renovate: datasource=docker depName=ghcr.io/kashalls/kromgo
  tag: "v0.9.1",
} as const;

/** Where kromgo reads its configuration. */
export const CONFIG_PATH = "/kromgo/config.yaml";
/** The badges' port (`SERVER_PORT`) and the health port (`HEALTH_PORT`, `/readyz`). */
export const HTTP_PORT = 8080;
export const HEALTH_PORT = 8888;
const NON_ROOT = 65534;

/** kromgo's config.yaml: one entry per badge, optional fields left out. */
export function kromgoConfig(o: ResolvedKromgoOptions): string {
  return toYaml({
    metrics: o.badges.map((badge) => ({ ...badge, colors: badge.colors && [...badge.colors] })),
  });
}

function container(o: ResolvedKromgoOptions): Record<string, unknown> {
  const probe = {
    custom: true,
    enabled: true,
    spec: { failureThreshold: 3, httpGet: { path: "/readyz", port: HEALTH_PORT }, periodSeconds: 10 },
  };
  return {
    env: { HEALTH_PORT: String(HEALTH_PORT), PROMETHEUS_URL: o.metrics.url, SERVER_PORT: String(HTTP_PORT) },
    image: { ...KROMGO_IMAGE },
    probes: { liveness: probe, readiness: probe },
    resources: { limits: { memory: "64Mi" }, requests: { cpu: "10m" } },
    securityContext: {
      allowPrivilegeEscalation: false,
      capabilities: { drop: ["ALL"] },
      readOnlyRootFilesystem: true,
    },
  };
}

/** app-template 5.x values: one Deployment, its config from a chart-managed ConfigMap, one Service. */
export function kromgoValues(o: ResolvedKromgoOptions): Record<string, unknown> {
  return {
    configMaps: { config: { data: { "config.yaml": kromgoConfig(o) } } },
    controllers: { kromgo: { containers: { app: container(o) }, strategy: "RollingUpdate" } },
    defaultPodOptions: {
      securityContext: {
        runAsGroup: NON_ROOT,
        runAsNonRoot: true,
        runAsUser: NON_ROOT,
        seccompProfile: { type: "RuntimeDefault" },
      },
    },
    persistence: {
      config: {
        globalMounts: [{ path: CONFIG_PATH, readOnly: true, subPath: "config.yaml" }],
        identifier: "config",
        type: "configMap",
      },
    },
    service: {
      app: { controller: "kromgo", ports: { health: { port: HEALTH_PORT }, http: { port: HTTP_PORT } } },
    },
  };
}
