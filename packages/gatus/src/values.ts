import { toYaml } from "@k8s-ops/core";
import { GATUS_LABEL, gatusEndpoint } from "./check.js";
import type { ResolvedGatusOptions } from "./options.js";

/** The Gatus image, pinned by tag. */
export const GATUS_IMAGE = {
  repository: "ghcr.io/twin/gatus",
  // renovate: datasource=docker depName=ghcr.io/twin/gatus
  tag: "v5.32.0",
} as const;

/** The sidecar that copies every ConfigMap labelled `gatus.io/enabled: "true"` into Gatus' config folder. */
export const CONFIG_SIDECAR_IMAGE = {
  repository: "ghcr.io/kiwigrid/k8s-sidecar",
  // renovate: datasource=docker depName=ghcr.io/kiwigrid/k8s-sidecar
  tag: "1.30.11",
} as const;

/** Gatus reads and merges every YAML file in this folder. */
export const CONFIG_DIR = "/config";
export const WEB_PORT = 8080;
/** The ServiceAccount the pod runs as: the sidecar lists ConfigMaps with it. */
export const SERVICE_ACCOUNT = "gatus";
const DATA_DIR = "/data";
const NON_ROOT = 65534;

const RESTRICTED = {
  allowPrivilegeEscalation: false,
  capabilities: { drop: ["ALL"] },
  readOnlyRootFilesystem: true,
};

/** Gatus' own configuration: metrics, storage, the page, and a check of the page itself (Gatus needs one). */
export function gatusConfig(o: ResolvedGatusOptions): string {
  const self = gatusEndpoint({ name: "status", group: "status", url: `https://${o.hostname}/health` });
  return toYaml({
    endpoints: [self],
    metrics: true,
    storage: o.storageClass
      ? { caching: true, path: `${DATA_DIR}/gatus.db`, type: "sqlite" }
      : { type: "memory" },
    ui: { header: o.title, title: o.title },
    web: { port: WEB_PORT },
  });
}

function sidecar(): Record<string, unknown> {
  return {
    env: {
      FOLDER: CONFIG_DIR,
      LABEL: GATUS_LABEL,
      LABEL_VALUE: "true",
      METHOD: "WATCH",
      NAMESPACE: "ALL",
      RESOURCE: "configmap",
      UNIQUE_FILENAMES: "true",
    },
    image: { ...CONFIG_SIDECAR_IMAGE },
    resources: { limits: { memory: "128Mi" }, requests: { cpu: "10m" } },
    restartPolicy: "Always",
    securityContext: { allowPrivilegeEscalation: false, capabilities: { drop: ["ALL"] } },
  };
}

function gatus(): Record<string, unknown> {
  const probe = {
    custom: true,
    enabled: true,
    spec: { failureThreshold: 3, httpGet: { path: "/health", port: WEB_PORT }, periodSeconds: 10 },
  };
  return {
    env: { GATUS_CONFIG_PATH: CONFIG_DIR, GATUS_DELAY_START_SECONDS: "5" },
    image: { ...GATUS_IMAGE },
    probes: { liveness: probe, readiness: probe },
    resources: { limits: { memory: "256Mi" }, requests: { cpu: "20m" } },
    securityContext: RESTRICTED,
  };
}

function persistence(o: ResolvedGatusOptions): Record<string, unknown> {
  const data = o.storageClass && {
    accessMode: "ReadWriteOnce",
    advancedMounts: { gatus: { app: [{ path: DATA_DIR }] } },
    size: o.storageSize,
    storageClass: o.storageClass.name,
    type: "persistentVolumeClaim",
  };
  return {
    config: {
      advancedMounts: { gatus: { app: [{ path: CONFIG_DIR }], "config-sync": [{ path: CONFIG_DIR }] } },
      type: "emptyDir",
    },
    "config-file": {
      advancedMounts: {
        gatus: { app: [{ path: `${CONFIG_DIR}/config.yaml`, readOnly: true, subPath: "config.yaml" }] },
      },
      identifier: "config",
      type: "configMap",
    },
    ...(data ? { data } : {}),
  };
}

/** Gatus serves its metrics (`metrics: true`) on the web port, behind the app's Service. */
function serviceMonitor(): Record<string, unknown> {
  return {
    app: { endpoints: [{ path: "/metrics", port: "http", scheme: "http" }], service: { identifier: "app" } },
  };
}

/** app-template 5.x values: Gatus with the config sidecar (a native sidecar), its config file and its Service. */
export function gatusValues(o: ResolvedGatusOptions): Record<string, unknown> {
  return {
    configMaps: { config: { data: { "config.yaml": gatusConfig(o) } } },
    controllers: {
      gatus: {
        containers: { app: gatus() },
        initContainers: { "config-sync": sidecar() },
        serviceAccount: { name: SERVICE_ACCOUNT },
        strategy: o.storageClass ? "Recreate" : "RollingUpdate",
      },
    },
    defaultPodOptions: {
      securityContext: {
        fsGroup: NON_ROOT,
        fsGroupChangePolicy: "OnRootMismatch",
        runAsGroup: NON_ROOT,
        runAsNonRoot: true,
        runAsUser: NON_ROOT,
        seccompProfile: { type: "RuntimeDefault" },
      },
    },
    persistence: persistence(o),
    service: { app: { controller: "gatus", ports: { http: { port: WEB_PORT } } } },
    ...(o.serviceMonitor ? { serviceMonitor: serviceMonitor() } : {}),
  };
}
