import { type App, defineApp, type ServiceEndpoint } from "@k8s-ops/core";
import { VMAlert } from "@k8s-ops/crds/operator.victoriametrics.com/v1beta1";
import type { MetricsHub } from "./endpoints.js";
import type { ResolvedHubOptions } from "./options.js";
import { hubRules } from "./rules.js";
import { FOLDER } from "./victoria-metrics.js";

/**
 * VMAlert reads every tenant (`/select/multitenant`: series carry `vm_account_id`), so one rule covers all clusters,
 * and writes through vminsert's multitenant endpoint, which files each result under the `vm_account_id` it keeps:
 * a cluster's recording rules and alert state land in that cluster's tenant (a result without the label in tenant
 * 0). It restores alert state from every tenant the same way.
 */
function vmAlert(o: ResolvedHubOptions, hub: MetricsHub, alertmanager: ServiceEndpoint): VMAlert {
  const select = hub.query.inClusterUrl;
  return new VMAlert({
    metadata: { name: o.name },
    spec: {
      datasource: { url: `${select}/select/multitenant/prometheus` },
      evaluationInterval: "1m",
      notifiers: [{ url: `http://${alertmanager.host}:${alertmanager.port}` }],
      remoteRead: { url: `${select}/select/multitenant/prometheus` },
      remoteWrite: { url: `${hub.remoteWrite.inClusterUrl}/insert/multitenant/prometheus` },
      replicaCount: 1,
      selectAllByDefault: true,
    },
  });
}

/** The rules stage: VMAlert and the hub's own VMRules, after the storage and Alertmanager it talks to. */
export function alertStage(o: ResolvedHubOptions, hub: MetricsHub, alertmanager: ServiceEndpoint): App {
  return defineApp({
    name: "vmalert",
    namespace: o.namespace,
    layer: "platform",
    folder: FOLDER,
    dir: "alert",
    objects: [vmAlert(o, hub, alertmanager), hubRules(o.name)],
    uses: [hub.remoteWrite.local, hub.query.local, alertmanager],
  });
}
