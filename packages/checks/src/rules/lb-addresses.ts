import { isIP } from "node:net";
import { type AddressSpan, cidrSpan, describeSpan, rangeSpan, spanHolds } from "@k8s-ops/core";
import { normalizeCidr } from "cidr-tools";
import type { ClusterView } from "../context.js";
import { type CheckFinding, finding } from "../finding.js";
import { at, isObject, str } from "../tree/documents.js";
import { describe, objectPath, type TreeObject } from "../tree/model.js";
import { type AddressRequest, addressRequests } from "./lb-requests.js";

/** A block of an enabled CiliumLoadBalancerIPPool: what it spans and what LB IPAM hands out of it. */
interface PoolBlock {
  readonly pool: string;
  readonly block: string;
  readonly whole: AddressSpan;
  readonly usable: AddressSpan;
}

/**
 * Every LoadBalancer address the cluster's objects request resolves to a CiliumLoadBalancerIPPool the cluster
 * renders, to an address LB IPAM hands out (not a block's reserved first or last), and is requested once, unless
 * the requests share a `lbipam.cilium.io/sharing-key`.
 */
export function loadBalancerAddresses(cluster: ClusterView): CheckFinding[] {
  const blocks = poolBlocks(cluster.tree.objects);
  const requests = cluster.tree.objects.flatMap(addressRequests);
  return [
    ...requests.flatMap((request) => poolFindings(cluster.name, request, blocks)),
    ...duplicateFindings(cluster.name, requests),
  ];
}

function poolBlocks(objects: readonly TreeObject[]): PoolBlock[] {
  return objects
    .filter((o) => o.kind === "CiliumLoadBalancerIPPool" && o.apiVersion.startsWith("cilium.io/"))
    .filter((pool) => at(pool.json, "spec.disabled") !== true)
    .flatMap((pool) => {
      const reserve = at(pool.json, "spec.allowFirstLastIPs") === "No";
      const blocks = at(pool.json, "spec.blocks");
      return (Array.isArray(blocks) ? blocks.filter(isObject) : []).flatMap((block) => {
        const spans = blockSpans(str(block.cidr), str(block.start), str(block.stop), reserve);
        return spans ? [{ pool: pool.name, ...spans }] : [];
      });
    });
}

/** A block's spans, or undefined for a block the schema would refuse (left to the CRD checks). */
function blockSpans(cidr?: string, start?: string, stop?: string, reserve = false) {
  try {
    if (cidr !== undefined)
      return { block: cidr, whole: cidrSpan(cidr, false), usable: cidrSpan(cidr, reserve) };
    if (start === undefined) return undefined;
    const span = rangeSpan(start, stop);
    return { block: stop ? `${start}-${stop}` : start, whole: span, usable: span };
  } catch {
    return undefined;
  }
}

function poolFindings(
  cluster: string,
  request: AddressRequest,
  blocks: readonly PoolBlock[],
): CheckFinding[] {
  const { address } = request;
  const path = objectPath(cluster, request.object, request.field);
  if (isIP(address) === 0) {
    const expected = "an IPv4 or IPv6 address";
    return [finding("LB_ADDRESS", path, "not an IP address", { expected, found: JSON.stringify(address) })];
  }
  if (blocks.some((b) => spanHolds(b.usable, address))) return [];
  const reserving = blocks.find((b) => spanHolds(b.whole, address));
  if (reserving) {
    const message = `the address is the first or last of CiliumLoadBalancerIPPool ${reserving.pool}'s block ${reserving.block}, which LB IPAM reserves (allowFirstLastIPs: No)`;
    return [
      finding("LB_ADDRESS", path, message, {
        expected: `an address from ${describeSpan(reserving.usable)}`,
        found: address,
      }),
    ];
  }
  const expected =
    blocks.length === 0
      ? "an address of a CiliumLoadBalancerIPPool (the cluster renders none that is enabled)"
      : `an address from ${blocks.map((b) => describeSpan(b.usable)).join(", ")}`;
  const message = "no CiliumLoadBalancerIPPool of the cluster hands out the address";
  return [finding("LB_ADDRESS", path, message, { expected, found: address })];
}

/** The second and later objects asking for an address, each naming the first; one object may ask twice. */
function duplicateFindings(cluster: string, requests: readonly AddressRequest[]): CheckFinding[] {
  const firstOf = new Map<string, AddressRequest>();
  const findings: CheckFinding[] = [];
  for (const request of requests) {
    if (isIP(request.address) === 0) continue;
    const key = normalizeCidr(request.address);
    const first = firstOf.get(key);
    if (!first) {
      firstOf.set(key, request);
      continue;
    }
    if (first.object === request.object || sharing(first, request)) continue;
    findings.push(
      finding(
        "LB_ADDRESS",
        objectPath(cluster, request.object, request.field),
        `the address is also requested by ${describe(first.object)} (${first.field})`,
        { expected: "an address no other object of the cluster requests", found: request.address },
      ),
    );
  }
  return findings;
}

function sharing(a: AddressRequest, b: AddressRequest): boolean {
  return a.sharingKey !== undefined && a.sharingKey === b.sharingKey;
}
