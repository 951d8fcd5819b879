// Helpers for this package's tests only (not exported from index.ts).
import type { Component } from "@k8s-ops/core";
import { appOf, helmValues } from "@k8s-ops/testing";

/** A Corefile plugin as the chart's values list it. */
interface Plugin {
  readonly name: string;
  readonly parameters?: string;
  readonly configBlock?: string;
}

/** The Corefile plugins of the first server block, by name. */
export function plugins(component: Component): Map<string, Plugin> {
  const [server] = helmValues(appOf(component, "coredns")).servers as { plugins: Plugin[] }[];
  return new Map((server?.plugins ?? []).map((plugin) => [plugin.name, plugin]));
}
