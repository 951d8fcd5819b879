import type { CrossClusterRule } from "../context.js";
import { type CheckFinding, finding } from "../finding.js";
import { at, isObject } from "../tree/documents.js";
import { objectPath } from "../tree/model.js";
import { crossPath } from "./identity.js";

/** Each cluster peers with its own ASN, and the rendered CiliumBGPClusterConfig uses the settings' ASN. */
export const bgpAsns: CrossClusterRule = (clusters) => {
  const findings: CheckFinding[] = [];
  const owners = new Map<number, string>();
  for (const cluster of clusters) {
    const asn = cluster.settings.bgp?.localAsn;
    if (asn === undefined) continue;
    const owner = owners.get(asn);
    if (owner) {
      findings.push(
        finding(
          "CLUSTER_INVARIANT",
          crossPath([owner, cluster.name], "bgp.localAsn"),
          `clusters share the BGP ASN ${asn}`,
          {
            expected: "a local ASN of its own for each cluster",
            found: `${asn} in ${owner} and ${cluster.name}`,
          },
        ),
      );
    }
    owners.set(asn, cluster.name);
    for (const config of cluster.tree.objects.filter((o) => o.kind === "CiliumBGPClusterConfig")) {
      const instances = at(config.json, "spec.bgpInstances");
      for (const [i, instance] of (Array.isArray(instances) ? instances : []).entries()) {
        if (!isObject(instance) || instance.localASN === undefined || instance.localASN === asn) continue;
        findings.push(
          finding(
            "CLUSTER_INVARIANT",
            objectPath(cluster.name, config, `spec.bgpInstances.${i}.localASN`),
            "the rendered ASN differs from the cluster settings",
            { expected: String(asn), found: JSON.stringify(instance.localASN) },
          ),
        );
      }
    }
  }
  return findings;
};
