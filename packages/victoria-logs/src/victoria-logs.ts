import { type Component, defineApp, type HealthCheckExpr, packageOf } from "@k8s-ops/core";
import { VLSingle } from "@k8s-ops/crds/operator.victoriametrics.com/v1";
import {
  checkAddress,
  checkLabel,
  checkPort,
  checkQuantity,
  checkRetention,
  checkStorageClass,
  failer,
} from "./checks.js";
import { type LogsHub, logsHubOf } from "./endpoints.js";
import { type ResolvedVictoriaLogsOptions, resolveOptions, type VictoriaLogsOptions } from "./options.js";

/** Named on every object this package renders into a cluster. */
const SOURCE = packageOf(import.meta.url);

/** Cilium LB IPAM: the LoadBalancer IP a Service asks for. */
export const LBIPAM_IPS = "lbipam.cilium.io/ips";

/** Flux health of the VLSingle: ready once the VictoriaMetrics operator reports it operational. */
export const VLSINGLE_HEALTH: HealthCheckExpr = {
  apiVersion: "operator.victoriametrics.com/v1",
  kind: "VLSingle",
  current: "status.updateStatus == 'operational'",
  failed: "status.updateStatus == 'failed'",
};

export interface VictoriaLogs extends Component {
  /** What the hub cluster exports: give it to the log shippers of every cluster (`logsInsert(hub, settings)`). */
  readonly hub: LogsHub;
}

function vlSingle(o: ResolvedVictoriaLogsOptions): VLSingle {
  return new VLSingle({
    metadata: { name: o.name },
    spec: {
      port: String(o.port),
      retentionPeriod: o.retention,
      serviceSpec: {
        metadata: { annotations: { [LBIPAM_IPS]: o.address } },
        spec: { type: "LoadBalancer" },
        useAsDefault: true,
      },
      storage: {
        accessModes: ["ReadWriteOnce"],
        resources: { requests: { storage: o.storageSize } },
        storageClassName: o.storageClass.name,
      },
    },
  });
}

/**
 * VictoriaLogs (a VLSingle of the VictoriaMetrics operator, so it comes after the operator by its kind) on a
 * volume of the given storage class, reachable from other clusters on a LoadBalancer IP.
 */
export function victoriaLogs(options: VictoriaLogsOptions): VictoriaLogs {
  const o = resolveOptions(options);
  checkOptions(o);
  const app = defineApp({
    name: "victoria-logs",
    namespace: o.namespace,
    layer: "platform",
    objects: [vlSingle(o)],
    uses: [o.storageClass],
    wait: true,
    healthCheckExprs: [VLSINGLE_HEALTH],
  });
  const hub = logsHubOf(app, o.settings.name, `vlsingle-${o.name}`, o.port, o.address);
  return { name: "victoria-logs", source: SOURCE, apps: [app], hub };
}

function checkOptions(o: ResolvedVictoriaLogsOptions): void {
  const fail = failer("victoria-logs");
  checkLabel(fail, "name", o.name, "logs", 54);
  checkLabel(fail, "namespace", o.namespace, "observability");
  checkStorageClass(fail, "storageClass", o.storageClass);
  checkAddress(fail, "address", o.address, o.settings.network.loadBalancerCidr);
  checkPort(fail, "port", o.port);
  checkRetention(fail, "retention", o.retention);
  checkQuantity(fail, "storageSize", o.storageSize);
}
