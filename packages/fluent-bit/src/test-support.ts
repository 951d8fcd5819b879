// Fixtures and helpers this package's tests share (not exported from index.ts).
import {
  type ClusterSettings,
  type Component,
  defineApp,
  type ServiceEndpoint,
  testSettings,
} from "@k8s-ops/core";
import { appOf, helmValues } from "@k8s-ops/testing";
import { type FluentBitOptions, fluentBit, type LogsHub } from "./index.js";

/** The hub cluster, with the domain kept in its secrets. */
export const infra: ClusterSettings = testSettings({ name: "infra", secretVariables: ["SECRET_DOMAIN"] });
/** A spoke cluster, forwarding to infra. */
export const apps: ClusterSettings = testSettings({
  name: "apps",
  id: 2,
  secretVariables: ["SECRET_DOMAIN"],
});

/** VictoriaLogs' Service in infra, as the victoria-logs package exports it (`hub.service`). */
export const service: ServiceEndpoint = {
  type: "Service",
  name: "victoria-logs",
  namespace: "observability",
  port: 9428,
  host: "victoria-logs.observability.svc.cluster.local",
  provider: { name: "victoria-logs", namespace: "observability", cluster: "infra" },
};

/** The app serving that Service, for renders of infra's collector (which waits for it). */
export const victoriaLogsStandIn: Component = {
  name: "victoria-logs",
  apps: [defineApp({ name: "victoria-logs", namespace: "observability", layer: "platform", objects: [] })],
};

/** VictoriaLogs in infra, as collectors in infra reach it. */
export const inCluster: LogsHub = {
  cluster: "infra",
  service,
  host: "victoria-logs.observability.svc.cluster.local",
  port: 9428,
  path: "/insert/jsonline",
};

export const base: FluentBitOptions = { settings: infra, logsHub: inCluster };

/** The chart's `config` sections, as the values carry them. */
export interface ConfigSections {
  readonly service: string;
  readonly inputs: string;
  readonly filters: string;
  readonly outputs: string;
  readonly customParsers: string;
}

export function values(options: Partial<FluentBitOptions> = {}): Record<string, unknown> {
  return helmValues(appOf(fluentBit({ ...base, ...options }), "fluent-bit"));
}

export function config(options: Partial<FluentBitOptions> = {}): ConfigSections {
  return values(options).config as ConfigSections;
}

/** The `[KIND]` sections of a classic config text, each as its `Key value` lines (keys may repeat). */
export function sectionsOf(text: string, kind: string): string[][] {
  return text
    .split(/\n(?=\[)/)
    .filter((block) => block.startsWith(`[${kind}]`))
    .map((block) =>
      block
        .split("\n")
        .slice(1)
        .map((line) => line.trim().replace(/\s+/, " "))
        .filter((line) => line !== ""),
    );
}

/**
 * What Flux's envsubst makes of a rendered file: `${VAR}` replaced from `variables` (or left as Flux leaves an
 * undefined one), `$${VAR}` unescaped to `${VAR}`.
 */
export function fluxSubstitute(text: string, variables: Readonly<Record<string, string>>): string {
  return text.replace(/\$?\$\{([_a-zA-Z][_a-zA-Z0-9]*)\}/g, (raw: string, name: string) =>
    raw.startsWith("$$") ? raw.slice(1) : (variables[name] ?? raw),
  );
}
