import type { Component, ServiceEndpoint } from "@k8s-ops/core";
import { packageOf } from "@k8s-ops/core";
import { alertStage } from "./alert.js";
import { checkAlerting } from "./alerting-checks.js";
import { alertmanagerStage } from "./alertmanager.js";
import {
  checkAddress,
  checkCount,
  checkLabel,
  checkPort,
  checkQuantity,
  checkRetention,
  checkStorageClass,
  type Fail,
  failer,
} from "./checks.js";
import { clusterStage } from "./cluster.js";
import type { MetricsHub } from "./endpoints.js";
import { type ResolvedHubOptions, resolveHubOptions, type VictoriaMetricsHubOptions } from "./options.js";

/** Named on every object this package renders into a cluster. */
const SOURCE = packageOf(import.meta.url);

export interface VictoriaMetricsHub extends Component {
  /** What the hub cluster exports: give it to `vmAgent({ hub })` on every cluster that writes here. */
  readonly hub: MetricsHub;
  /** The VMAlertmanager Service, for other alert sources (Flux notifications, Gatus). */
  readonly alertmanager: ServiceEndpoint;
}

/**
 * The observability hub, in stages after the operator: the VMCluster with VMAuth in front of it on a LoadBalancer
 * IP, VMAlertmanager with its routing, and VMAlert with the hub's recording and alerting rules.
 */
export function victoriaMetricsHub(options: VictoriaMetricsHubOptions): VictoriaMetricsHub {
  const o = resolveHubOptions(options);
  checkHubOptions(o);
  const { app: cluster, hub } = clusterStage(o);
  const { app: alertmanagerApp, alertmanager } = alertmanagerStage(o);
  const alert = alertStage(o, hub, alertmanager);
  return {
    name: "victoria-metrics-hub",
    source: SOURCE,
    apps: [cluster, alertmanagerApp, alert],
    hub,
    alertmanager,
  };
}

function checkHubOptions(o: ResolvedHubOptions): void {
  const fail = failer("victoria-metrics-hub");
  // vmalertmanager-<name> is the longest object name the operator derives from it.
  checkLabel(fail, "name", o.name, "hub", 40);
  checkLabel(fail, "namespace", o.namespace, "observability");
  checkStorageClass(fail, "storageClass", o.storageClass);
  checkAddress(fail, "address", o.address, o.settings.network.loadBalancerCidr);
  checkPort(fail, "port", o.port);
  checkRetention(fail, "retention", o.retention);
  checkQuantity(fail, "storageSize", o.storageSize);
  checkReplicas(fail, o);
  checkAlerting(fail, o.alerting);
  checkSpokes(fail, o);
}

/** Spokes are other clusters, each with a tenant of its own. */
function checkSpokes(fail: Fail, o: ResolvedHubOptions): void {
  const seen = new Map<number, string>([[o.settings.id, o.settings.name]]);
  o.spokes.forEach((spoke, i) => {
    if (spoke.name === o.settings.name) {
      fail(
        `spokes[${i}]`,
        "the hub's own cluster writes to vminsert directly, not through VMAuth",
        "another cluster",
        spoke.name,
      );
    }
    const holder = seen.get(spoke.id);
    if (holder !== undefined) {
      fail(
        `spokes[${i}]`,
        `tenant ${spoke.id} is already cluster ${holder}'s`,
        "a cluster id of its own",
        spoke.name,
      );
    }
    seen.set(spoke.id, spoke.name);
  });
}

function checkReplicas(fail: Fail, o: ResolvedHubOptions): void {
  for (const part of ["vmstorage", "vmselect", "vminsert", "vmauth"] as const) {
    checkCount(fail, `replicas.${part}`, o.replicas[part], 1, `${part} needs at least one replica`);
  }
  checkCount(fail, "replicationFactor", o.replicationFactor, 1, "every sample needs at least one copy");
  if (o.replicationFactor > o.replicas.vmstorage) {
    fail(
      "replicationFactor",
      "more copies of each sample than vmstorage replicas to hold them",
      `at most replicas.vmstorage (${o.replicas.vmstorage})`,
      String(o.replicationFactor),
    );
  }
}
