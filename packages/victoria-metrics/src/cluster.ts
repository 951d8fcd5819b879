import { type App, defineApp, type HealthCheckExpr } from "@k8s-ops/core";
import { VMAuth, VMCluster } from "@k8s-ops/crds/operator.victoriametrics.com/v1beta1";
import { hubEndpoint, type MetricsHub } from "./endpoints.js";
import type { ResolvedHubOptions } from "./options.js";
import { FOLDER } from "./victoria-metrics.js";

/** Cilium LB IPAM: the LoadBalancer IP a Service asks for. */
export const LBIPAM_IPS = "lbipam.cilium.io/ips";

/** The VMCluster's Services: `<component>-<name>`, on the components' default ports. */
export const VMCLUSTER_PORTS = { vminsert: 8480, vmselect: 8481 } as const;

/** Flux health of the operator's objects: ready once the operator reports them operational. */
export function operationalHealth(apiVersion: string, kind: string): HealthCheckExpr {
  return {
    apiVersion,
    kind,
    current: "status.updateStatus == 'operational'",
    failed: "status.updateStatus == 'failed'",
  };
}

const V1BETA1 = "operator.victoriametrics.com/v1beta1";

function vmCluster(o: ResolvedHubOptions): VMCluster {
  return new VMCluster({
    metadata: { name: o.name },
    spec: {
      replicationFactor: o.replicationFactor,
      retentionPeriod: o.retention,
      vminsert: { replicaCount: o.replicas.vminsert },
      vmselect: { replicaCount: o.replicas.vmselect },
      vmstorage: {
        replicaCount: o.replicas.vmstorage,
        storage: {
          volumeClaimTemplate: {
            spec: {
              accessModes: ["ReadWriteOnce"],
              resources: { requests: { storage: o.storageSize } },
              storageClassName: o.storageClass.name,
            },
          },
        },
      },
    },
  });
}

/** VMAuth routes by path: writes to vminsert, reads and the tenant list to vmselect; LoadBalancer at `address`. */
function vmAuth(o: ResolvedHubOptions): VMAuth {
  const cluster = (component: "vminsert" | "vmselect") => ({
    kind: `VMCluster/${component}` as const,
    name: o.name,
    namespace: o.namespace,
  });
  return new VMAuth({
    metadata: { name: o.name },
    spec: {
      port: String(o.port),
      replicaCount: o.replicas.vmauth,
      serviceSpec: {
        metadata: { annotations: { [LBIPAM_IPS]: o.address } },
        spec: { type: "LoadBalancer" },
        useAsDefault: true,
      },
      unauthorizedUserAccessSpec: {
        targetRefs: [
          { crd: cluster("vminsert"), paths: ["/insert/.+"] },
          { crd: cluster("vmselect"), paths: ["/select/.+", "/admin/tenants"] },
        ],
      },
    },
  });
}

/**
 * The storage stage: the VMCluster (vmstorage on the given storage class, vmselect, vminsert) and VMAuth in front
 * of it, on a LoadBalancer IP. Flux waits until both are operational, so agents start writing to a ready hub.
 */
export function clusterStage(o: ResolvedHubOptions): { app: App; hub: MetricsHub } {
  const app = defineApp({
    name: "victoria-metrics-cluster",
    namespace: o.namespace,
    layer: "platform",
    folder: FOLDER,
    dir: "cluster",
    objects: [vmCluster(o), vmAuth(o)],
    uses: [o.storageClass],
    wait: true,
    healthCheckExprs: [operationalHealth(V1BETA1, "VMCluster"), operationalHealth(V1BETA1, "VMAuth")],
  });
  const gateway = hubEndpoint(app, o.settings.name, `vmauth-${o.name}`, o.port, o.address);
  return { app, hub: { cluster: o.settings.name, remoteWrite: gateway, query: gateway } };
}
