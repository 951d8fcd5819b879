import { GrafanaDashboard } from "@kubernetes-models/grafana-operator/grafana.integreatly.org/v1beta1/GrafanaDashboard";
import { GrafanaFolder } from "@kubernetes-models/grafana-operator/grafana.integreatly.org/v1beta1/GrafanaFolder";
import { type DatasourceKind, datasourceName, INSTANCE_SELECTOR } from "./datasources.js";
import type { Tenant } from "./options.js";

/** A dashboard published on grafana.com, pinned to a revision: the operator fetches it when it reconciles. */
export interface GrafanaComSource {
  readonly grafanaCom: { readonly id: number; readonly revision: number };
}

/** A dashboard's JSON at a URL pinned to a version (a tag in the path), for dashboards not on grafana.com. */
export interface UrlSource {
  readonly url: string;
}

export type DashboardSpec = (GrafanaComSource | UrlSource) & {
  /** Name of the GrafanaDashboard object: a DNS label. */
  readonly name: string;
  /** Title of the folder it is filed in; each folder becomes a GrafanaFolder. */
  readonly folder: string;
  /**
   * The dashboard's datasource inputs (`__inputs`, e.g. `DS_PROMETHEUS`) and the datasource that fills each
   * (`logs`: the first tenant's).
   * @default { DS_PROMETHEUS: "metrics" }
   */
  readonly inputs?: Readonly<Record<string, DatasourceKind>>;
};

/** What most grafana.com dashboards take: one Prometheus datasource, input `DS_PROMETHEUS`. */
const DEFAULT_INPUTS: Readonly<Record<string, DatasourceKind>> = { DS_PROMETHEUS: "metrics" };

const ENVOY_DASHBOARDS =
  "https://raw.githubusercontent.com/envoyproxy/gateway/v1.9.0/charts/gateway-addons-helm/dashboards";

const com = (name: string, folder: string, id: number, revision: number): DashboardSpec => ({
  name,
  folder,
  grafanaCom: { id, revision },
});

/** Dashboards for the components of this platform, each pinned to a revision Renovate does not touch. */
export const DEFAULT_DASHBOARDS: readonly DashboardSpec[] = [
  com("flux", "GitOps", 16714, 1),
  com("cilium-agent", "Network", 16611, 1),
  com("cilium-operator", "Network", 16612, 1),
  com("coredns", "Network", 15762, 21),
  { name: "envoy-gateway", folder: "Network", url: `${ENVOY_DASHBOARDS}/envoy-gateway-global.json` },
  { name: "envoy-proxy", folder: "Network", url: `${ENVOY_DASHBOARDS}/envoy-proxy-global.json` },
  com("cert-manager", "Platform", 20842, 3),
  { ...com("external-secrets", "Platform", 21640, 4), inputs: { DS_METRICS: "metrics" } },
  com("victoriametrics-cluster", "Observability", 11176, 38),
  com("vmagent", "Observability", 12683, 21),
  com("kubernetes-global", "Kubernetes", 15757, 43),
  com("kubernetes-nodes", "Kubernetes", 15759, 37),
  com("kubernetes-pods", "Kubernetes", 15760, 36),
  com("node-exporter", "Kubernetes", 1860, 42),
  com("ceph-cluster", "Storage", 2842, 18),
];

/** The name of a folder's GrafanaFolder object: its title, lowercased, runs of other characters made `-`. */
export function folderName(title: string): string {
  return title
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-|-$/g, "");
}

export function dashboardObject(spec: DashboardSpec, tenants: readonly Tenant[]): GrafanaDashboard {
  const inputs = Object.entries(spec.inputs ?? DEFAULT_INPUTS);
  return new GrafanaDashboard({
    metadata: { name: spec.name },
    spec: {
      datasources: inputs.map(([inputName, kind]) => ({
        datasourceName: datasourceName(kind, tenants),
        inputName,
      })),
      folderRef: folderName(spec.folder),
      instanceSelector: INSTANCE_SELECTOR,
      ...("grafanaCom" in spec ? { grafanaCom: { ...spec.grafanaCom } } : { url: spec.url }),
    },
  });
}

/** One GrafanaFolder per folder title the dashboards use, in the order they first appear. */
export function folderObjects(specs: readonly DashboardSpec[]): GrafanaFolder[] {
  const titles = [...new Set(specs.map((spec) => spec.folder))];
  return titles.map(
    (title) =>
      new GrafanaFolder({
        metadata: { name: folderName(title) },
        spec: { instanceSelector: INSTANCE_SELECTOR, title },
      }),
  );
}
