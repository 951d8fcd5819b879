import {
  type ChartSource,
  type Component,
  helmApp,
  isDomainName,
  OptionError,
  packageOf,
} from "@k8s-ops/core";
import { httpRoute } from "@k8s-ops/envoy-gateway";
import { ClusterRole } from "kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRole";
import { ClusterRoleBinding } from "kubernetes-models/rbac.authorization.k8s.io/v1/ClusterRoleBinding";
import { ServiceAccount } from "kubernetes-models/v1/ServiceAccount";
import { type GatusOptions, type ResolvedGatusOptions, resolveOptions } from "./options.js";
import { gatusValues, SERVICE_ACCOUNT, WEB_PORT } from "./values.js";

/** Named on every object this package renders into a cluster. */
const SOURCE = packageOf(import.meta.url);

export const APP_TEMPLATE_CHART: ChartSource = {
  url: "oci://ghcr.io/bjw-s-labs/helm/app-template",
  // renovate: datasource=docker depName=ghcr.io/bjw-s-labs/helm/app-template
  tag: "5.1.0",
};

export interface Gatus extends Component {
  /** The status page's URL. */
  readonly url: string;
}

/**
 * Gatus on the bjw-s app-template: a status page behind the gateway, whose checks come from ConfigMaps labelled
 * `gatus.io/enabled: "true"` in any namespace (see `gatusCheck`), collected by a config sidecar.
 */
export function gatus(options: GatusOptions): Gatus {
  const o = resolveOptions(options);
  checkOptions(o);
  const route = httpRoute({
    name: "gatus",
    gateway: o.gateway,
    hostnames: [o.hostname],
    service: { name: "gatus", port: WEB_PORT },
  });
  const app = helmApp({
    name: "gatus",
    namespace: o.namespace,
    layer: "platform",
    chart: APP_TEMPLATE_CHART,
    releaseName: "gatus",
    values: gatusValues(o),
    objects: [...configReader(o), route.route],
    uses: [...route.uses, ...(o.storageClass ? [o.storageClass] : [])],
  });
  return { name: "gatus", source: SOURCE, apps: [app], url: `https://${o.hostname}` };
}

/** The pod's ServiceAccount, allowed to read ConfigMaps in every namespace (the sidecar watches them). */
function configReader(o: ResolvedGatusOptions) {
  const name = "gatus-config-reader";
  return [
    new ServiceAccount({ metadata: { name: SERVICE_ACCOUNT } }),
    new ClusterRole({
      metadata: { name },
      rules: [{ apiGroups: [""], resources: ["configmaps"], verbs: ["get", "list", "watch"] }],
    }),
    new ClusterRoleBinding({
      metadata: { name },
      roleRef: { apiGroup: "rbac.authorization.k8s.io", kind: "ClusterRole", name },
      subjects: [{ kind: "ServiceAccount", name: SERVICE_ACCOUNT, namespace: o.namespace }],
    }),
  ];
}

const QUANTITY = /^[1-9][0-9]*(Mi|Gi|Ti)$/;

function checkOptions(o: ResolvedGatusOptions): void {
  const fail = (field: string, message: string, expected: string, found: string): never => {
    throw new OptionError({ path: `gatus: ${field}`, message, expected, found });
  };
  if (!isDomainName(o.hostname))
    fail(
      "hostname",
      "not a host name",
      "a name such as status-apps.${SECRET_DOMAIN}",
      JSON.stringify(o.hostname),
    );
  if (o.title.trim() === "")
    fail("title", "the status page needs a title", "a short text such as Status", '""');
  if (!QUANTITY.test(o.storageSize))
    fail(
      "storageSize",
      "not a volume size",
      "a quantity such as 512Mi or 1Gi",
      JSON.stringify(o.storageSize),
    );
}
