import { type App, defineApp, type HealthCheckExpr } from "@k8s-ops/core";
import { VMAuth, VMCluster } from "@k8s-ops/crds/operator.victoriametrics.com/v1beta1";
import { type HubWriter, hubEndpoint, hubService, type MetricsHub } from "./endpoints.js";
import type { ResolvedHubOptions } from "./options.js";
import { FOLDER } from "./victoria-metrics.js";
import { hubWriter, VMAUTH_USER_LABEL, writerObjects } from "./writers.js";

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

/**
 * VMAuth on a LoadBalancer at `address`: only the VMUsers of its namespace labelled with the hub's name, each
 * writer's, get through; there is no anonymous access (the hub's own cluster reaches vminsert and vmselect directly).
 */
function vmAuth(o: ResolvedHubOptions): VMAuth {
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
      userSelector: { matchLabels: { [VMAUTH_USER_LABEL]: o.name } },
    },
  });
}

/**
 * The storage stage: the VMCluster (vmstorage on the given storage class, vmselect, vminsert) and VMAuth in front
 * of it, on a LoadBalancer IP, with a VMUser per spoke whose password the secret store holds. Flux waits until all
 * are operational, so agents start writing to a ready hub.
 */
export function clusterStage(o: ResolvedHubOptions): { app: App; hub: MetricsHub } {
  const writers: readonly HubWriter[] = o.spokes.map(hubWriter);
  const users = writerObjects(o, writers);
  const app = defineApp({
    name: "victoria-metrics-cluster",
    namespace: o.namespace,
    layer: "platform",
    folder: FOLDER,
    dir: "cluster",
    objects: [vmCluster(o), vmAuth(o), ...users.objects],
    uses: [o.storageClass, ...users.uses],
    wait: true,
    healthCheckExprs: [
      operationalHealth(V1BETA1, "VMCluster"),
      operationalHealth(V1BETA1, "VMAuth"),
      ...(writers.length > 0 ? [operationalHealth(V1BETA1, "VMUser")] : []),
    ],
  });
  const service = (name: string, port: number) => hubService(app, o.settings.name, name, port);
  const gateway = service(`vmauth-${o.name}`, o.port);
  return {
    app,
    hub: {
      cluster: o.settings.name,
      remoteWrite: hubEndpoint(gateway, o.address, service(`vminsert-${o.name}`, VMCLUSTER_PORTS.vminsert)),
      query: hubEndpoint(gateway, o.address, service(`vmselect-${o.name}`, VMCLUSTER_PORTS.vmselect)),
      writers,
    },
  };
}
