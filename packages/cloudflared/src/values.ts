import { CONFIG_PATH, tunnelConfig } from "./config.js";
import type { ResolvedCloudflaredOptions } from "./options.js";

/** The cloudflared image, pinned by tag. */
export const CLOUDFLARED_IMAGE = {
  repository: "docker.io/cloudflare/cloudflared",
  // renovate: datasource=docker depName=docker.io/cloudflare/cloudflared
  tag: "2026.8.2",
} as const;

/** The metrics and readiness port (`TUNNEL_METRICS`). */
const METRICS_PORT = 8080;

/** The image's non-root user (distroless `nonroot`). */
const NON_ROOT = 65532;

function container(secretName: string): Record<string, unknown> {
  const probe = {
    enabled: true,
    custom: true,
    spec: { httpGet: { path: "/ready", port: METRICS_PORT }, periodSeconds: 10, failureThreshold: 3 },
  };
  return {
    image: { ...CLOUDFLARED_IMAGE },
    args: ["tunnel", "--config", CONFIG_PATH, "run"],
    env: {
      NO_AUTOUPDATE: "true",
      TUNNEL_METRICS: `0.0.0.0:${METRICS_PORT}`,
      TUNNEL_TRANSPORT_PROTOCOL: "quic",
    },
    envFrom: [{ secretRef: { name: secretName } }],
    probes: { liveness: probe, readiness: probe },
    resources: { requests: { cpu: "10m" }, limits: { memory: "256Mi" } },
    securityContext: {
      allowPrivilegeEscalation: false,
      capabilities: { drop: ["ALL"] },
      readOnlyRootFilesystem: true,
    },
  };
}

/** app-template 5.x values: one Deployment, its config from a chart-managed ConfigMap, the token from a Secret. */
export function cloudflaredValues(
  o: ResolvedCloudflaredOptions,
  secretName: string,
): Record<string, unknown> {
  return {
    configMaps: { config: { data: { "config.yaml": tunnelConfig(o) } } },
    controllers: {
      cloudflared: {
        replicas: o.replicas,
        strategy: "RollingUpdate",
        containers: { app: container(secretName) },
      },
    },
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
        type: "configMap",
        identifier: "config",
        globalMounts: [{ path: CONFIG_PATH, subPath: "config.yaml", readOnly: true }],
      },
    },
    service: { app: { controller: "cloudflared", ports: { http: { port: METRICS_PORT } } } },
  };
}
