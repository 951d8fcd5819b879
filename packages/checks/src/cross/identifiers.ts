import type { CrossClusterRule } from "../context.js";
import { type CheckFinding, finding } from "../finding.js";
import { at, isObject } from "../tree/documents.js";
import type { TreeObject } from "../tree/model.js";
import { crossPath } from "./identity.js";

/** An identifier each cluster must have to itself, read from its rendered objects. */
export interface Identifier {
  readonly name: string;
  readonly values: (object: TreeObject) => readonly string[];
}

/** §26: external-dns owner id, metrics tenant, 1Password vault; skipped where a cluster does not set them. */
export const PER_CLUSTER_IDENTIFIERS: readonly Identifier[] = [
  {
    name: "external-dns txtOwnerId",
    values: (o) => (o.kind === "HelmRelease" ? keyValues(at(o.json, "spec.values"), "txtOwnerId") : []),
  },
  { name: "metrics tenant", values: (o) => tenants(o) },
  { name: "1Password vault", values: (o) => vaults(o) },
];

export const perClusterIdentifiers: CrossClusterRule = (clusters) =>
  PER_CLUSTER_IDENTIFIERS.flatMap((identifier) => {
    const owners = new Map<string, Set<string>>();
    for (const cluster of clusters) {
      for (const value of new Set(cluster.tree.objects.flatMap(identifier.values))) {
        owners.set(value, (owners.get(value) ?? new Set()).add(cluster.name));
      }
    }
    return [...owners]
      .filter(([, names]) => names.size > 1)
      .map(
        ([value, names]): CheckFinding =>
          finding(
            "IDENTIFIER_SHARED",
            crossPath([...names], identifier.name),
            `clusters share the ${identifier.name} ${JSON.stringify(value)}`,
            {
              expected: "a value of its own for each cluster",
              found: `${JSON.stringify(value)} in ${[...names].join(" and ")}`,
            },
          ),
      );
  });

/** Every string value under `key`, at any depth. */
function keyValues(value: unknown, key: string): string[] {
  if (Array.isArray(value)) return value.flatMap((v) => keyValues(v, key));
  if (!isObject(value)) return [];
  return Object.entries(value).flatMap(([k, v]) =>
    k === key && typeof v === "string" ? [v] : keyValues(v, key),
  );
}

/** The VictoriaMetrics tenant (`/insert/<tenant>/`) of remote-write URLs in VMAgents and Helm values. */
function tenants(object: TreeObject): string[] {
  if (object.kind !== "VMAgent" && object.kind !== "HelmRelease") return [];
  const urls = JSON.stringify(object.json.spec ?? {}).match(/\/insert\/[0-9:]+\//g) ?? [];
  return urls.map((url) => url.split("/")[2] ?? "");
}

/** The 1Password vaults a ClusterSecretStore reads. */
function vaults(object: TreeObject): string[] {
  if (object.kind !== "ClusterSecretStore") return [];
  const connect = at(object.json, "spec.provider.onepassword.vaults");
  const sdk = at(object.json, "spec.provider.onepasswordSDK.vault");
  return [...(isObject(connect) ? Object.keys(connect) : []), ...(typeof sdk === "string" ? [sdk] : [])];
}
