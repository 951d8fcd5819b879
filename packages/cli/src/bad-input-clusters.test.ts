import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ENCRYPTED_SECRET, SECRET_PATH, SOPS_CONFIG } from "./bad-input-support.js";
import { compliantCluster, createWorkspace, type TestWorkspace } from "./test-workspace.js";

const BGP = (asn: number) => `bgp: { localAsn: ${asn}, peerAsn: 65000, peerAddress: "192.168.0.1" }`;
/** Each cluster's web app keeps its hand-written, encrypted secret beside its rendered files. */
const SECRET_FILES = '["secret.sops.yaml"]';
const DEMO = compliantCluster({ settings: BGP(65001), files: SECRET_FILES });

interface OtherSettings {
  readonly name?: string;
  readonly id?: number;
  readonly podCidr?: string;
  readonly loadBalancerCidr?: string;
  readonly address?: string;
  readonly asn?: number;
}

/** A second cluster beside demo, on the same node network; valid unless told otherwise. */
function other(settings: OtherSettings = {}): string {
  const network = `network: { nodeCidr: "192.168.0.0/24", podCidr: "${settings.podCidr ?? "10.110.0.0/16"}", serviceCidr: "10.111.0.0/16", loadBalancerCidr: "${settings.loadBalancerCidr ?? "192.168.0.160/27"}" }`;
  const nodes = `nodes: [{ name: "other-1", address: "${settings.address ?? "192.168.0.12"}" }]`;
  return compliantCluster({
    files: SECRET_FILES,
    name: settings.name ?? "other",
    settings: `id: ${settings.id ?? 10}, ${network}, ${nodes}, ${BGP(settings.asn ?? 65002)}`,
  });
}

/** Two clusters that disagree: render of all of them, and of demo alone, fails; no tree changes. */
const CASES: { name: string; source: string; stderr: string[] }[] = [
  {
    name: "pod ranges overlapping across clusters",
    source: other({ podCidr: "10.100.0.0/16" }),
    stderr: [
      "error CLUSTER_INVARIANT cross-cluster › demo, other: network.podCidr / network.podCidr: demo's podCidr overlaps other's podCidr",
      "  expected: disjoint ranges",
      "  found:    10.100.0.0/16 and 10.100.0.0/16",
    ],
  },
  {
    name: "a duplicate cluster id",
    source: other({ id: 9 }),
    stderr: [
      "error CLUSTER_INVARIANT cross-cluster › clusters/demo, clusters/other: settings.id: clusters share the id 9",
      "  expected: each cluster with its own id",
      "  found:    9 in clusters/demo and clusters/other",
    ],
  },
  {
    name: "a duplicate cluster name",
    source: other({ name: "demo" }),
    stderr: [
      "error CLUSTER_INVARIANT cross-cluster › clusters/demo, clusters/other: settings.name: clusters share the name demo",
      "  expected: each cluster with its own name",
      "  found:    demo in clusters/demo and clusters/other",
    ],
  },
  {
    name: "a shared BGP AS number",
    source: other({ asn: 65001 }),
    stderr: [
      "error CLUSTER_INVARIANT cross-cluster › demo, other: bgp.localAsn: clusters share the BGP ASN 65001",
      "  expected: a local ASN of its own for each cluster",
      "  found:    65001 in demo and other",
    ],
  },
  {
    name: "a node address used by both clusters",
    source: other({ address: "192.168.0.11" }),
    stderr: [
      "error CLUSTER_INVARIANT cross-cluster › demo, other: nodes[].address: node address 192.168.0.11 is used twice",
      "  expected: a unique address per node",
      "  found:    demo/node-1 and other/other-1",
    ],
  },
  {
    name: "overlapping LoadBalancer ranges",
    source: other({ loadBalancerCidr: "192.168.0.128/28" }),
    stderr: [
      "error CLUSTER_INVARIANT cross-cluster › demo, other: network.loadBalancerCidr / network.loadBalancerCidr: demo's loadBalancerCidr overlaps other's loadBalancerCidr",
      "  expected: disjoint ranges",
      "  found:    192.168.0.128/27 and 192.168.0.128/28",
    ],
  },
];

describe("k8s-ops render across clusters on bad input", () => {
  let ws: TestWorkspace;
  let demo: Map<string, string>;
  let second: Map<string, string>;
  beforeAll(() => {
    // GIVEN two valid clusters, rendered, each with a hand-written encrypted secret
    ws = createWorkspace();
    ws.write(".sops.yaml", SOPS_CONFIG);
    ws.write(`clusters/demo/${SECRET_PATH}`, ENCRYPTED_SECRET);
    ws.write(`clusters/other/${SECRET_PATH}`, ENCRYPTED_SECRET);
    ws.writeCluster(DEMO);
    ws.writeCluster(other(), "other");
    expect(ws.run("render").stderr).toBe("");
    demo = ws.tree();
    second = ws.tree("other");
    expect([demo.get(SECRET_PATH), second.get(SECRET_PATH)]).toEqual([ENCRYPTED_SECRET, ENCRYPTED_SECRET]);
  });
  afterAll(() => ws.remove());

  it.each(CASES)("$name: fails a render of both clusters and of demo alone", ({ source, stderr }) => {
    // WHEN the second cluster turns incompatible with the first
    ws.writeCluster(source, "other");
    const all = ws.run("render");
    const alone = ws.run("render", "--cluster", "demo");
    // THEN
    const problems = stderr.filter((line) => line.startsWith("error ")).length;
    const count = problems === 1 ? "1 problem" : `${problems} problems`;
    expect(all.stderr).toBe(`${[...stderr, `${count} found; nothing was written.`].join("\n")}\n`);
    expect([all.status, alone.status]).toEqual([1, 1]);
    expect(alone.stderr).toBe(all.stderr);
    expect(ws.tree()).toEqual(demo);
    expect(ws.tree("other")).toEqual(second);
  });

  it("a cluster that does not load: its own problem for a render of it, a warning for a render of the other", () => {
    // GIVEN the second cluster's pod range inside the node network, which its own settings refuse
    ws.writeCluster(other({ podCidr: "192.168.0.0/25" }), "other");
    // WHEN
    const all = ws.run("render");
    const alone = ws.run("render", "--cluster", "demo");
    // THEN the render of both fails on it; demo alone renders, saying what it could not check
    expect(all.stderr).toBe(
      [
        "error SETTINGS settings/other: network.podCidr: network.podCidr overlaps network.nodeCidr",
        "  expected: a range disjoint from 192.168.0.0/24",
        "  found:    192.168.0.0/25",
        "1 problem found; nothing was written.",
        "",
      ].join("\n"),
    );
    expect(alone.stderr).toBe(
      [
        "warning CLUSTER_LOAD clusters/other: the cluster does not load, so the cross-cluster invariants were not checked against it",
        "  expected: every cluster of the repository loads",
        "  found:    SETTINGS settings/other: network.podCidr: network.podCidr overlaps network.nodeCidr",
        "",
      ].join("\n"),
    );
    expect([all.status, alone.status]).toEqual([1, 0]);
    expect(alone.stdout).toContain("(+0 ~0 -0)");
    expect(ws.tree()).toEqual(demo);
    expect(ws.tree("other")).toEqual(second);
  });
});
