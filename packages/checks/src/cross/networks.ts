import { containsCidr, overlapCidr } from "cidr-tools";
import type { ClusterView, CrossClusterRule } from "../context.js";
import { type CheckFinding, finding } from "../finding.js";
import { at, isObject } from "../tree/documents.js";
import { objectPath } from "../tree/model.js";
import { crossPath } from "./identity.js";

type Range = "podCidr" | "serviceCidr" | "loadBalancerCidr";

/** The ranges each cluster owns alone; the node network is shared by design. */
const OWN: readonly Range[] = ["podCidr", "serviceCidr", "loadBalancerCidr"];

/**
 * §30, §35: pod, service and LoadBalancer ranges are disjoint across clusters and from the other clusters' node
 * networks (LB ranges excepted: they lie in the shared node network); node addresses are unique and outside every
 * LB range; each cluster's LB pools lie inside its LB range.
 */
export const networkRanges: CrossClusterRule = (clusters) => [
  ...pairFindings(clusters),
  ...nodeFindings(clusters),
  ...clusters.flatMap(poolFindings),
];

function pairFindings(clusters: readonly ClusterView[]): CheckFinding[] {
  const findings: CheckFinding[] = [];
  for (const [i, a] of clusters.entries()) {
    for (const b of clusters.slice(i + 1)) {
      for (const ra of OWN) {
        for (const rb of OWN) {
          if (safeOverlap(a.settings.network[ra], b.settings.network[rb]))
            findings.push(overlap(a, ra, b, rb));
        }
        if (ra !== "loadBalancerCidr") {
          if (safeOverlap(a.settings.network[ra], b.settings.network.nodeCidr))
            findings.push(overlap(a, ra, b, "nodeCidr"));
          if (safeOverlap(b.settings.network[ra], a.settings.network.nodeCidr))
            findings.push(overlap(b, ra, a, "nodeCidr"));
        }
      }
    }
  }
  return findings;
}

function overlap(a: ClusterView, ra: string, b: ClusterView, rb: string): CheckFinding {
  const va = a.settings.network[ra as Range | "nodeCidr"];
  const vb = b.settings.network[rb as Range | "nodeCidr"];
  return finding(
    "CLUSTER_INVARIANT",
    crossPath([a.name, b.name], `network.${ra} / network.${rb}`),
    `${a.name}'s ${ra} overlaps ${b.name}'s ${rb}`,
    {
      expected: "disjoint ranges",
      found: `${va} and ${vb}`,
    },
  );
}

function nodeFindings(clusters: readonly ClusterView[]): CheckFinding[] {
  const findings: CheckFinding[] = [];
  const owners = new Map<string, { cluster: string; node: string }>();
  for (const cluster of clusters) {
    for (const node of cluster.settings.nodes) {
      const owner = owners.get(node.address);
      if (owner) {
        findings.push(
          finding(
            "CLUSTER_INVARIANT",
            crossPath([...new Set([owner.cluster, cluster.name])], "nodes[].address"),
            `node address ${node.address} is used twice`,
            {
              expected: "a unique address per node",
              found: `${owner.cluster}/${owner.node} and ${cluster.name}/${node.name}`,
            },
          ),
        );
      }
      owners.set(node.address, { cluster: cluster.name, node: node.name });
      for (const other of clusters) {
        if (safeContains(other.settings.network.loadBalancerCidr, node.address)) {
          findings.push(
            finding(
              "CLUSTER_INVARIANT",
              crossPath([cluster.name, other.name], "nodes[].address / network.loadBalancerCidr"),
              `node ${cluster.name}/${node.name} lies in ${other.name}'s LoadBalancer range`,
              {
                expected: `an address outside ${other.settings.network.loadBalancerCidr}`,
                found: node.address,
              },
            ),
          );
        }
      }
    }
  }
  return findings;
}

function poolFindings(cluster: ClusterView): CheckFinding[] {
  const range = cluster.settings.network.loadBalancerCidr;
  return cluster.tree.objects
    .filter((o) => o.kind === "CiliumLoadBalancerIPPool")
    .flatMap((pool) => {
      const blocks = at(pool.json, "spec.blocks");
      return (Array.isArray(blocks) ? blocks.filter(isObject) : []).flatMap((block, i) => {
        const cidr = typeof block.cidr === "string" ? block.cidr : undefined;
        if (cidr === undefined || safeContains(range, cidr)) return [];
        return [
          finding(
            "CLUSTER_INVARIANT",
            objectPath(cluster.name, pool, `spec.blocks.${i}.cidr`),
            "the pool lies outside the cluster's LoadBalancer range",
            { expected: `inside ${range}`, found: cidr },
          ),
        ];
      });
    });
}

function safeOverlap(a: string, b: string): boolean {
  try {
    return overlapCidr(a, b);
  } catch {
    return false;
  }
}

function safeContains(outer: string, inner: string): boolean {
  try {
    return containsCidr(outer, inner);
  } catch {
    return false;
  }
}
