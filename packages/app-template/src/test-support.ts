// Fixtures this package's tests share (not exported from index.ts).
import { CLOUDNATIVE_PG_CRDS } from "@k8s-ops/cloudnative-pg";
import { type Component, renderComponents } from "@k8s-ops/core";
import { DRAGONFLY_CRDS } from "@k8s-ops/dragonfly";
import { externalSecrets } from "@k8s-ops/external-secrets";
import { helmValues, platformStandIn, SECRET_DOMAIN_SETTINGS } from "@k8s-ops/testing";
import { VICTORIA_METRICS_CRDS } from "@k8s-ops/victoria-metrics";
import { VOLSYNC_CRDS } from "@k8s-ops/volsync";
import { expect } from "vitest";
import { type AppTemplateOptions, appTemplate } from "./index.js";

/** The cluster's secret store. */
export const secrets = externalSecrets({ vault: "k8s-apps" });
export const store = secrets.secretStore;

/**
 * Stand-ins for the operators whose kinds the add-ons render, envoy-gateway's gateways stage and the Ceph CSI
 * consumer (its block class and snapshot class).
 */
const stand = platformStandIn([
  ...CLOUDNATIVE_PG_CRDS,
  ...DRAGONFLY_CRDS,
  ...VOLSYNC_CRDS,
  ...VICTORIA_METRICS_CRDS,
]);
export const external = stand.gateways.external;
export const block = stand.storage.storageClass;
export const blockSnapshots = stand.storage.snapshotClass;

/** Everything the apps reference, rendered beside them in tests. */
export const platform: Component[] = [secrets, stand.component];

export const settings = SECRET_DOMAIN_SETTINGS;

/** A digest used only by tests (the builder checks its shape, never its existence). */
export const TEST_DIGEST = `sha256:${"ab".repeat(32)}`;

/** The required options only. */
export const base: AppTemplateOptions = {
  name: "echo",
  namespace: "default",
  image: { repository: "ghcr.io/example/echo", tag: "1.0.0", digest: TEST_DIGEST },
  port: 8080,
};

export function build(options: Partial<AppTemplateOptions> = {}) {
  return appTemplate({ ...base, ...options });
}

export function values(options: Partial<AppTemplateOptions> = {}) {
  return helmValues(build(options).app) as {
    controllers: { echo: { strategy: string; containers: { app: Record<string, unknown> } } };
    defaultPodOptions: { securityContext: Record<string, unknown> };
    persistence?: Record<string, unknown>;
    service: { app: { ports: Record<string, unknown> } };
  };
}

export function container(options: Partial<AppTemplateOptions> = {}) {
  return values(options).controllers.echo.containers.app;
}

export function ks(options: Partial<AppTemplateOptions>, path = "apps/default/echo/ks.yaml"): string {
  const rendered = renderComponents([...platform, build(options)], settings);
  expect(rendered.findings).toEqual([]);
  return rendered.files.get(path) ?? "";
}
