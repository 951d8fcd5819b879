import { describe, expect, it } from "vitest";
import { type ClusterMeshOptions, cilium, type MeshPeer } from "./index.js";
import { MESH, message, NAME_RULE, PEER, handMade as settings } from "./test-support.js";

function meshed(peers: readonly MeshPeer[], extra: Partial<ClusterMeshOptions> = {}) {
  return () =>
    cilium({
      settings: settings(),
      nativeRoutingCidr: "10.96.0.0/11",
      clusterMesh: { ...MESH, peers, ...extra },
    });
}

describe("cilium rejects an invalid mesh", () => {
  it("a peer with this cluster's name", () => {
    expect(meshed([{ ...PEER, name: "test" }])).toThrow(
      message(
        "clusterMesh.peers[0].name",
        "the mesh peer's name clashes with this cluster",
        "a cluster name unique in the mesh",
        '"test"',
      ),
    );
  });

  it("a peer with this cluster's id", () => {
    expect(meshed([{ ...PEER, id: 9 }])).toThrow(
      message(
        "clusterMesh.peers[0].id",
        "the mesh peer's id clashes with this cluster",
        "a cluster id unique in the mesh",
        "9",
      ),
    );
  });

  it("two peers with one name", () => {
    expect(meshed([PEER, { ...PEER, id: 3, podCidr: "10.103.0.0/16" }])).toThrow(
      message(
        "clusterMesh.peers[1].name",
        "the mesh peer's name clashes with clusterMesh.peers[0]",
        "a cluster name unique in the mesh",
        '"other"',
      ),
    );
  });

  it("a peer whose pod CIDR overlaps this cluster's", () => {
    expect(meshed([{ ...PEER, podCidr: "10.100.128.0/17" }])).toThrow(
      message(
        "clusterMesh.peers[0].podCidr",
        "the mesh peer's pod CIDR clashes with this cluster",
        "a range disjoint from 10.100.0.0/16",
        "10.100.128.0/17",
      ),
    );
  });

  it("a peer's pod CIDR outside the native routing CIDR", () => {
    const build = () => cilium({ settings: settings(), clusterMesh: MESH });
    expect(build).toThrow(
      message(
        "nativeRoutingCidr",
        "the native routing CIDR does not contain a mesh peer's pod CIDR",
        "a range containing 10.102.0.0/16 (clusterMesh.peers[0].podCidr)",
        "10.100.0.0/16",
      ),
    );
  });

  it("an apiserver address outside the LoadBalancer pool", () => {
    expect(meshed([PEER], { apiServerIp: "192.168.0.20" })).toThrow(
      message(
        "clusterMesh.apiServerIp",
        "the address is outside the cluster's LoadBalancer range",
        "an address inside 192.168.0.128/27",
        "192.168.0.20",
      ),
    );
  });

  it.each(["192.168.0.128", "192.168.0.159"])("the pool's reserved address %s", (ip) => {
    expect(meshed([PEER], { apiServerIp: ip })).toThrow(
      message(
        "clusterMesh.apiServerIp",
        "the address is the first or last of the cluster's LoadBalancer range, which LB IPAM reserves",
        "an address from 192.168.0.129 to 192.168.0.158",
        ip,
      ),
    );
  });

  it.each([
    [{ name: "Apps" }, "clusterMesh.peers[0].name", "not a valid Cilium cluster name", NAME_RULE, '"Apps"'],
    [{ id: 300 }, "clusterMesh.peers[0].id", "the cluster id is out of range", "an integer in 1..255", "300"],
    [{ port: 0 }, "clusterMesh.peers[0].port", "not a TCP port", "an integer in 1..65535", "0"],
    [
      { address: "apps.example" },
      "clusterMesh.peers[0].address",
      "not an IPv4 address",
      "an address such as 10.25.11.65",
      '"apps.example"',
    ],
  ])("a peer with %j", (change, path, text, expected, found) => {
    expect(meshed([{ ...PEER, ...change }])).toThrow(message(path, text, expected, found));
  });

  it("an empty 1Password item for the CA", () => {
    expect(meshed([PEER], { ca: { ...MESH.ca, item: " " } })).toThrow(
      [
        "OPTION externalSecret(cilium-ca): item: the 1Password item name is empty",
        "  expected: the name of an item in the store's vault",
        '  found:    ""',
      ].join("\n"),
    );
  });
});
