import { type App, type Component, defineApp, packageOf, type ServiceEndpoint } from "@k8s-ops/core";
import { VMAgent, VMNodeScrape } from "@k8s-ops/crds/operator.victoriametrics.com/v1beta1";
import { checkCount, checkDuration, checkLabel, type Fail, failer, inRange } from "./checks.js";
import { type MetricsHub, remoteWriteUrl } from "./endpoints.js";
import { kubeStateMetricsApp, nodeExporterApp } from "./exporters.js";
import { type ResolvedAgentOptions, resolveAgentOptions, type VMAgentOptions } from "./options.js";
import { serviceScrape } from "./scrape.js";
import { checkWriter, credentials } from "./spoke-auth.js";
import { FOLDER } from "./victoria-metrics.js";

/** Named on every object this package renders into a cluster. */
const SOURCE = packageOf(import.meta.url);

export interface VMAgentComponent extends Component {
  /** The URL the agent remote-writes to: its own tenant on the hub. */
  readonly remoteWriteUrl: string;
  /**
   * The hub's Service the agent writes to. From another cluster it is a cross-cluster reference: `k8s-ops check`
   * fails when the hub's cluster does not run the app serving it.
   */
  readonly hub: ServiceEndpoint;
}

const SERVICE_ACCOUNT_TOKEN = "/var/run/secrets/kubernetes.io/serviceaccount/token";

/** A kubelet endpoint on every node; Talos' kubelet serving certificates are self-signed. */
function kubeletScrape(name: string, path: string, interval: string): VMNodeScrape {
  return new VMNodeScrape({
    metadata: { name },
    spec: {
      bearerTokenFile: SERVICE_ACCOUNT_TOKEN,
      honorLabels: true,
      interval,
      path,
      port: "10250",
      scheme: "https",
      tlsConfig: { insecureSkipVerify: true },
    },
  });
}

/** The API server, through the `kubernetes` Service every cluster has, as the agent's ServiceAccount. */
function apiServerScrape() {
  return serviceScrape({
    name: "kube-apiserver",
    selector: { component: "apiserver", provider: "kubernetes" },
    port: "https",
    namespaces: ["default"],
    jobLabel: "component",
    serviceAccount: { serverName: "kubernetes" },
  });
}

/** The agent's own scrapes: the kubelets (and their cAdvisor) and the API server, as the options ask. */
function clusterScrapes(o: ResolvedAgentOptions) {
  const kubelet = o.kubelet
    ? [
        kubeletScrape("kubelet", "/metrics", o.scrapeInterval),
        kubeletScrape("cadvisor", "/metrics/cadvisor", o.scrapeInterval),
      ]
    : [];
  return [...kubelet, ...(o.apiServer ? [apiServerScrape()] : [])];
}

function vmAgentObject(o: ResolvedAgentOptions, hub: MetricsHub, secret: string | undefined): VMAgent {
  const basicAuth = secret
    ? {
        basicAuth: {
          username: { name: secret, key: "username" },
          password: { name: secret, key: "password" },
        },
      }
    : {};
  return new VMAgent({
    metadata: { name: "vmagent" },
    spec: {
      externalLabels: { ...o.externalLabels, cluster: o.settings.name },
      remoteWrite: [{ url: remoteWriteUrl(hub, o.settings), ...basicAuth }],
      replicaCount: o.replicas,
      scrapeInterval: o.scrapeInterval,
      // Every VMServiceScrape, VMPodScrape, VMNodeScrape, … of the cluster, converted ServiceMonitors included.
      selectAllByDefault: true,
    },
  });
}

/**
 * A VMAgent that scrapes its own cluster (every scrape object, the kubelets and the API server) and remote-writes to
 * the hub: through the hub's Service on the hub's cluster, through its LoadBalancer address from any other, always
 * into the cluster's own tenant, every sample labelled `cluster=<name>`; off the hub's cluster as the writer the hub
 * exports for it, its password from the cluster's secret store. node-exporter and kube-state-metrics come with it,
 * each scraped by a VMServiceScrape.
 */
export function vmAgent(options: VMAgentOptions): VMAgentComponent {
  const o = resolveAgentOptions(options);
  const hub = checkAgentOptions(o);
  const local = hub.cluster === o.settings.name;
  const secret = local ? undefined : credentials(...checkWriter(o, hub));
  const app: App = defineApp({
    name: "vmagent",
    namespace: o.namespace,
    layer: "platform",
    folder: FOLDER,
    dir: "agent",
    objects: [
      ...(secret ? [secret.object] : []),
      vmAgentObject(o, hub, secret?.secretName),
      ...clusterScrapes(o),
    ],
    // On the hub's cluster the agent waits for vminsert; elsewhere it waits for its password's store only.
    uses: local ? [hub.remoteWrite.local] : (secret?.uses ?? []),
  });
  const exporters = [
    ...(o.nodeExporter ? [nodeExporterApp(o.namespace)] : []),
    ...(o.kubeStateMetrics ? [kubeStateMetricsApp(o.namespace)] : []),
  ];
  return {
    name: "vmagent",
    source: SOURCE,
    apps: [app, ...exporters],
    remoteWriteUrl: remoteWriteUrl(hub, o.settings),
    hub: local ? hub.remoteWrite.local : hub.remoteWrite.service,
  };
}

function checkAgentOptions(o: ResolvedAgentOptions): MetricsHub {
  const fail: Fail = failer("vmagent");
  const { hub } = o;
  if (hub === undefined) {
    fail(
      "hub",
      "the hub cluster exports no metrics hub: it runs no VMCluster",
      "the hub of a cluster running victoriaMetricsHub()",
      "undefined",
    );
  }
  if (
    hub.cluster !== o.settings.name &&
    inRange(hub.remoteWrite.address, o.settings.network.loadBalancerCidr)
  ) {
    fail(
      "hub",
      `the hub's address is in this cluster's own LoadBalancer range, not cluster ${hub.cluster}'s`,
      `an address outside ${o.settings.network.loadBalancerCidr}`,
      hub.remoteWrite.address,
    );
  }
  checkLabel(fail, "namespace", o.namespace, "observability");
  checkDuration(fail, "scrapeInterval", o.scrapeInterval);
  checkCount(fail, "replicas", o.replicas, 1, "the agent needs at least one replica");
  if ("cluster" in o.externalLabels) {
    fail("externalLabels", "the cluster label is the cluster name", "labels other than cluster", "cluster");
  }
  return hub;
}
