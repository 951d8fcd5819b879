import { rookCeph } from "@k8s-ops/rook-ceph";
import { containsCidr } from "cidr-tools";
import { describe, expect, it } from "vitest";
import { CEPH_NAMESPACE, CEPH_PORTS, mergeAllows, RGW_PORT } from "./allows.js";
import { APPS, INFRA, INFRA_HUB, INFRA_ROOK, platform, WORLD_HTTPS } from "./index.js";

const GATEWAYS = {
  infra: { external: "10.25.11.70", internal: "10.25.11.71" },
  apps: { external: "10.25.11.102", internal: "10.25.11.103" },
} as const;

/** The baseline policies platform() gives a cluster, by name, as the YAML shows them. */
function policies(cluster: "infra" | "apps", own: Parameters<typeof platform>[0]["egress"] = {}) {
  const base = platform({ cluster, gatewayAddresses: GATEWAYS[cluster], egress: own });
  const objects = base.network.flatMap((c) => c.namespaceComponents?.flatMap((nc) => nc.objects) ?? []);
  return new Map(
    objects.map((o) => [o.metadata?.name ?? "", o.toJSON() as { spec: Record<string, unknown> }]),
  );
}

const tcp = (...ports: number[]) => [
  { ports: ports.map((port) => ({ port: String(port), protocol: "TCP" })) },
];
const CEPH_TO_PORTS = [
  {
    ports: [
      { port: "3300", protocol: "TCP" },
      { port: "6789", protocol: "TCP" },
      { port: "6800", endPort: 7300, protocol: "TCP" },
    ],
  },
];

describe("the allows between the clusters", () => {
  it("let the apps cluster's VMAgent write to the hub address infra builds its hub on, on its port only", () => {
    // GIVEN the hub's contract, inside infra's LoadBalancer range WHEN the apps cluster's layers are built
    expect(containsCidr(INFRA.network.loadBalancerCidr, INFRA_HUB.metrics.address)).toBe(true);
    const egress = policies("apps").get("baseline-allow-observability-egress")?.spec;
    // THEN its observability namespace may reach that one address on that one port
    expect(egress?.egress).toEqual([
      { toCIDRSet: [{ cidr: `${INFRA_HUB.metrics.address}/32` }], toPorts: tcp(INFRA_HUB.metrics.port) },
    ]);
    expect(`${INFRA_HUB.metrics.address}:${INFRA_HUB.metrics.port}`).toBe("10.25.11.72:8427");
  });

  it("let the apps cluster's nodes in to infra's VMAuth and VictoriaLogs ports, and nothing else in", () => {
    // GIVEN both clusters' layers WHEN built
    const infra = policies("infra");
    // THEN infra's observability namespace takes the apps nodes' addresses on the hub's two ports
    expect(infra.get("baseline-allow-observability-ingress")?.spec.ingress).toEqual([
      {
        fromCIDRSet: ["10.25.11.14/32", "10.25.11.15/32", "10.25.11.16/32"].map((cidr) => ({ cidr })),
        toPorts: tcp(INFRA_HUB.metrics.port, INFRA_HUB.logs.port),
      },
    ]);
    expect(APPS.nodes.map((node) => `${node.address}/32`)).toEqual([
      "10.25.11.14/32",
      "10.25.11.15/32",
      "10.25.11.16/32",
    ]);
    // AND infra needs no egress to its own hub, while the apps cluster takes no ingress from outside
    expect(infra.has("baseline-allow-observability-egress")).toBe(false);
    expect([...policies("apps").keys()].filter((name) => name.endsWith("-ingress"))).toEqual([]);
  });

  it("let infra's Rook and CSI pods reach Ceph's daemons and RGW on its nodes", () => {
    // GIVEN infra's layers WHEN built THEN rook-ceph reaches the nodes on the mon, daemon and RGW ports
    expect(policies("infra").get("baseline-allow-rook-ceph-egress")?.spec.egress).toEqual([
      {
        toEntities: ["host", "remote-node"],
        toPorts: [
          { ports: [...(CEPH_TO_PORTS[0]?.ports ?? []), { port: String(RGW_PORT), protocol: "TCP" }] },
        ],
      },
    ]);
  });

  it("let the apps cluster's Rook and CSI pods reach infra's Ceph daemons across the mesh and without it", () => {
    // GIVEN the apps cluster's layers WHEN built
    const egress = policies("apps").get("baseline-allow-rook-ceph-egress")?.spec.egress;
    // THEN rook-ceph reaches the (remote) nodes by entity and infra's node addresses, on Ceph's ports only
    expect(egress).toEqual([
      { toEntities: ["host", "remote-node"], toPorts: CEPH_TO_PORTS },
      {
        toCIDRSet: ["10.25.11.11/32", "10.25.11.12/32", "10.25.11.13/32"].map((cidr) => ({ cidr })),
        toPorts: CEPH_TO_PORTS,
      },
    ]);
    expect(INFRA.nodes.map((node) => node.address)).toEqual(["10.25.11.11", "10.25.11.12", "10.25.11.13"]);
  });

  it("agree with what rook-ceph renders for infra: its namespace, RGW port and mon ports", () => {
    // GIVEN the component infra builds from the shared options WHEN built
    const rook = rookCeph(INFRA_ROOK);
    // THEN the allows name its namespace, its RGW port and every port its mons listen on
    expect(rook.external.namespace).toBe(CEPH_NAMESPACE);
    expect(rook.services.rgw.port).toBe(RGW_PORT);
    for (const mon of rook.external.monEndpoints) expect(CEPH_PORTS).toContain(mon.port);
  });

  it("add a cluster's own egress to the shared allows of the same namespace", () => {
    // GIVEN HTTPS to the world for the apps cluster's observability namespace WHEN built
    const egress = policies("apps", { observability: [WORLD_HTTPS] }).get(
      "baseline-allow-observability-egress",
    );
    // THEN the hub rule stays, followed by the cluster's own
    expect(egress?.spec.egress).toEqual([
      { toCIDRSet: [{ cidr: "10.25.11.72/32" }], toPorts: tcp(8427) },
      { toEntities: ["world"], toPorts: tcp(443) },
    ]);
  });
});

describe("mergeAllows", () => {
  it("puts every map's entries for a namespace one after the other, keeping the others", () => {
    expect(mergeAllows({ a: [1], b: [2] }, {}, { a: [3], c: [4] })).toEqual({ a: [1, 3], b: [2], c: [4] });
  });
});
