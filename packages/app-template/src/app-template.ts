import type { PostgresCluster } from "@k8s-ops/cloudnative-pg";
import { type App, type ChartSource, type Component, helmApp, type Reference } from "@k8s-ops/core";
import type { Dragonfly } from "@k8s-ops/dragonfly";
import { httpRoute } from "@k8s-ops/envoy-gateway";
import { addonParts } from "./addons.js";
import { checkOptions } from "./checks.js";
import { type AppTemplateOptions, resolveOptions } from "./options.js";
import { appValues } from "./values.js";

export const APP_TEMPLATE_CHART: ChartSource = {
  url: "oci://ghcr.io/bjw-s-labs/helm/app-template",
  // renovate: datasource=docker depName=ghcr.io/bjw-s-labs/helm/app-template
  tag: "5.1.0",
};

export interface AppTemplate extends Component {
  /** The app running the chart. */
  readonly app: App;
  /** The database add-on's cluster (its own app, the stage `<name>/database`). */
  readonly database?: PostgresCluster;
  /** The cache add-on's Dragonfly (its own app, the stage `<name>/cache`). */
  readonly cache?: Dragonfly;
}

/**
 * An app on the bjw-s app-template chart: one hardened container pinned by digest, its Service, an optional route,
 * volumes and add-ons (database, cache, backup, Gatus check, metrics scrape, secrets); dependsOn follows from them.
 */
export function appTemplate(options: AppTemplateOptions): AppTemplate {
  const o = resolveOptions(options);
  checkOptions(o);
  const parts = addonParts(o);
  const route =
    o.route &&
    httpRoute({
      name: o.name,
      gateway: o.route.gateway,
      hostnames: [o.route.hostname],
      service: { name: o.name, port: o.port },
    });
  const app = helmApp({
    name: o.name,
    namespace: o.namespace,
    layer: o.layer,
    chart: APP_TEMPLATE_CHART,
    releaseName: o.name,
    values: appValues(o, parts.extras),
    objects: [...(route ? [route.route] : []), ...parts.objects],
    uses: unique([...(route?.uses ?? []), ...parts.uses]),
  });
  const apps = [app, ...(parts.database?.apps ?? []), ...(parts.cache?.apps ?? [])];
  return { name: o.name, source: o.source, apps, app, database: parts.database, cache: parts.cache };
}

function unique(refs: readonly Reference[]): Reference[] {
  const seen = new Map<string, Reference>();
  for (const ref of refs) {
    const key = `${ref.type}/${ref.namespace ?? ""}/${ref.name}/${ref.provider.namespace}/${ref.provider.name}`;
    if (!seen.has(key)) seen.set(key, ref);
  }
  return [...seen.values()];
}
