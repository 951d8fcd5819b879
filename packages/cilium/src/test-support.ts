// Helpers for this package's tests only (not exported from index.ts).
import { readFileSync } from "node:fs";
import { type App, type ClusterSettings, type Component, type KubeObject, testSettings } from "@k8s-ops/core";
import { externalSecrets } from "@k8s-ops/external-secrets";
import type { ClusterMeshOptions, MeshPeer } from "./index.js";

/** A mesh peer and a mesh that fit the test cluster (pool 192.168.0.128/27, pods 10.100.0.0/16). */
export const PEER: MeshPeer = { name: "other", id: 2, address: "192.168.0.200", podCidr: "10.102.0.0/16" };
/** The secret store the shared CA is read from. */
export const SECRETS = externalSecrets({ vault: "k8s-test" });
export const MESH: ClusterMeshOptions = {
  apiServerIp: "192.168.0.129",
  ca: { store: SECRETS.secretStore, item: "cilium-ca" },
  peers: [PEER],
};

export const NAME_RULE = '≤ 32 characters matching ^([a-z0-9][-a-z0-9]*)?[a-z0-9]$, not "default"';

/** The message an OptionError carries: the finding, then what was expected and what was found. */
export function message(path: string, text: string, expected: string, found: string): string {
  return [`OPTION cilium: ${path}: ${text}`, `  expected: ${expected}`, `  found:    ${found}`].join("\n");
}

/** Test settings as a hand-made object that never went through defineSettings. */
export function handMade(overrides: Partial<ClusterSettings> = {}, network: object = {}): ClusterSettings {
  const base = testSettings(overrides);
  return { ...base, network: { ...base.network, ...network } };
}

export function app(component: Component, name: string): App {
  const found = component.apps.find((a) => a.name === name);
  if (!found) throw new Error(`no app ${name}`);
  return found;
}

/** The objects of an app as the YAML shows them. */
export function objectsOf(component: Component, name: string, kind: string): Record<string, unknown>[] {
  return app(component, name)
    .objects.filter((object: KubeObject) => object.kind === kind)
    .map((object) => object.toJSON() as Record<string, unknown>);
}

/** The HelmRelease spec of an app. */
export function releaseSpec(component: Component, name = "cilium"): Record<string, unknown> {
  const [release] = objectsOf(component, name, "HelmRelease");
  return (release?.spec ?? {}) as Record<string, unknown>;
}

/** The inline values of an app's HelmRelease. */
export function helmValues(component: Component, name = "cilium"): Record<string, unknown> {
  return (releaseSpec(component, name).values ?? {}) as Record<string, unknown>;
}

/** Code with layout removed (whitespace, trailing commas), so formatting never decides whether two snippets match. */
export function codeShape(code: string): string {
  return code.replace(/\s+/g, "").replace(/,([}\])])/g, "$1");
}

/** The code between `// README:start` and `// README:end` in a test file: the example the README shows. */
export function readmeExample(testFile: string): string {
  const source = readFileSync(testFile, "utf8");
  const start = source.indexOf("// README:start\n") + "// README:start\n".length;
  return source.slice(start, source.indexOf("// README:end"));
}

/** Whether the README shows the example (compared by shape: the formatter lays code blocks out on its own). */
export function readmeShows(readme: string, testFile: string): boolean {
  return codeShape(readFileSync(readme, "utf8")).includes(codeShape(readmeExample(testFile)));
}

/** The first ```yaml block of the README: the start of the example's rendered YAML. */
export function readmeYaml(readme: string): string {
  const text = readFileSync(readme, "utf8");
  const start = text.indexOf("```yaml\n") + "```yaml\n".length;
  return text.slice(start, text.indexOf("```", start));
}
