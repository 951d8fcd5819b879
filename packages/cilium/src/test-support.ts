// Fixtures and helpers for this package's tests only (not exported from index.ts).
import { type ClusterSettings, type Component, testSettings } from "@k8s-ops/core";
import { externalSecrets } from "@k8s-ops/external-secrets";
import { appOf, helmValues, objectsOf, optionMessage } from "@k8s-ops/testing";
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

/** The message of an OptionError cilium throws: the finding, then what was expected and what was found. */
export const message = optionMessage("cilium");

/** Test settings as a hand-made object that never went through defineSettings. */
export function handMade(overrides: Partial<ClusterSettings> = {}, network: object = {}): ClusterSettings {
  const base = testSettings(overrides);
  return { ...base, network: { ...base.network, ...network } };
}

/** The inline values of the agent's HelmRelease. */
export function agentValues(component: Component): Record<string, unknown> {
  return helmValues(appOf(component, "cilium"));
}

/** The spec of the agent's HelmRelease. */
export function agentRelease(component: Component): Record<string, unknown> {
  const [release] = objectsOf(appOf(component, "cilium"), "HelmRelease");
  return (release?.spec ?? {}) as Record<string, unknown>;
}
