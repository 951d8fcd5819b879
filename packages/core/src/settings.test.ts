import { describe, expect, it } from "vitest";
import { defineCluster } from "./cluster.js";
import type { Finding } from "./errors.js";
import { ValidationError } from "./errors.js";
import type { ClusterSettings, NetworkSettings } from "./settings.js";
import { defineSettings, settingsVariables } from "./settings.js";
import { testSettings } from "./testing.js";

/** The findings defineSettings throws with (fails the test if it does not throw a ValidationError). */
function findingsOf(settings: ClusterSettings): readonly Finding[] {
  try {
    defineSettings(settings);
  } catch (error) {
    expect(error).toBeInstanceOf(ValidationError);
    return (error as ValidationError).findings;
  }
  throw new Error("defineSettings accepted invalid settings");
}

function withNetwork(network: Partial<NetworkSettings>, overrides: Partial<ClusterSettings> = {}) {
  const base = testSettings();
  return testSettings({ network: { ...base.network, ...network }, ...overrides });
}

const NAME_EXPECTED = "≤ 32 characters matching ^([a-z0-9][-a-z0-9]*)?[a-z0-9]$, not 'default'";

function nameFinding(name: string): Finding {
  return {
    code: "SETTINGS",
    path: `settings/${name}: name`,
    message: "cluster name is not a valid Cilium cluster name",
    expected: NAME_EXPECTED,
    found: JSON.stringify(name),
  };
}

function idFinding(id: number): Finding {
  return {
    code: "SETTINGS",
    path: "settings/test: id",
    message: "cluster id is out of range",
    expected: "an integer in 1..255",
    found: String(id),
  };
}

describe("defineSettings", () => {
  it("accepts the test settings and returns them unchanged", () => {
    // GIVEN valid settings
    const settings = testSettings();
    // WHEN they are defined / THEN the same object comes back
    expect(defineSettings(settings)).toBe(settings);
  });

  it("accepts a 32-character name and the ids 1 and 255", () => {
    // GIVEN names and ids at the edge of what Cilium allows
    const name = "a".repeat(32);
    // WHEN / THEN nothing is thrown
    expect(() => defineSettings(testSettings({ name, id: 1 }))).not.toThrow();
    expect(() => defineSettings(testSettings({ name: "c-1", id: 255 }))).not.toThrow();
  });

  it("rejects a name longer than 32 characters", () => {
    // GIVEN a 33-character name
    const name = "a".repeat(33);
    // WHEN / THEN exactly the name finding is reported
    expect(findingsOf(testSettings({ name }))).toEqual([nameFinding(name)]);
  });

  it.each(["Test", "my_cluster", "-test", "test-", "a.b", ""])(
    "rejects the name %j (Cilium's pattern)",
    (name) => {
      // GIVEN a name outside [a-z0-9-] or not starting and ending alphanumeric
      // WHEN / THEN
      expect(findingsOf(testSettings({ name }))).toEqual([nameFinding(name)]);
    },
  );

  it("rejects the name default", () => {
    // GIVEN the one name Cilium reserves / WHEN / THEN
    expect(findingsOf(testSettings({ name: "default" }))).toEqual([nameFinding("default")]);
  });

  it.each([0, 256, -1, 1.5])("rejects the id %d", (id) => {
    // GIVEN an id outside 1..255 or not an integer
    // WHEN / THEN
    expect(findingsOf(testSettings({ id }))).toEqual([idFinding(id)]);
  });

  it.each([["not-a-cidr"], ["10.100.0.0/33"], ["10.100.0.0"], ["fd00::/129"]])(
    "rejects the pod CIDR %j as not a CIDR",
    (podCidr) => {
      // GIVEN a pod CIDR that is no CIDR: garbage, a prefix too long for IPv4/IPv6, or no prefix at all
      // WHEN / THEN one finding names the field
      expect(findingsOf(withNetwork({ podCidr }))).toEqual([
        {
          code: "SETTINGS",
          path: "settings/test: network.podCidr",
          message: "not a CIDR",
          expected: "an IPv4 or IPv6 CIDR such as 10.244.0.0/16",
          found: JSON.stringify(podCidr),
        },
      ]);
    },
  );

  it.each([
    ["podCidr", "serviceCidr", { podCidr: "10.101.128.0/17" }, "10.101.0.0/16", "10.101.128.0/17"],
    ["podCidr", "nodeCidr", { podCidr: "192.168.0.0/16" }, "192.168.0.0/24", "192.168.0.0/16"],
    ["serviceCidr", "nodeCidr", { serviceCidr: "192.168.0.64/26" }, "192.168.0.0/24", "192.168.0.64/26"],
  ] as const)("rejects %s overlapping %s", (a, b, network, other, found) => {
    // GIVEN two ranges of the cluster network that overlap
    // WHEN / THEN the overlap is reported on the first field, naming the other
    expect(findingsOf(withNetwork(network))).toEqual([
      {
        code: "SETTINGS",
        path: `settings/test: network.${a}`,
        message: `network.${a} overlaps network.${b}`,
        expected: `a range disjoint from ${other}`,
        found,
      },
    ]);
  });

  it("rejects a LoadBalancer CIDR outside the node network", () => {
    // GIVEN an LB pool in another network
    const settings = withNetwork({ loadBalancerCidr: "192.168.1.0/27" });
    // WHEN / THEN
    expect(findingsOf(settings)).toEqual([
      {
        code: "SETTINGS",
        path: "settings/test: network.loadBalancerCidr",
        message: "network.loadBalancerCidr is not inside the node network",
        expected: "inside 192.168.0.0/24",
        found: "192.168.1.0/27",
      },
    ]);
  });

  it("rejects a node address outside the node network", () => {
    // GIVEN two nodes, one of them outside 192.168.0.0/24
    const nodes = [
      { name: "node-1", address: "192.168.0.11" },
      { name: "node-2", address: "192.168.1.12" },
    ];
    // WHEN / THEN only the stray node is reported
    expect(findingsOf(testSettings({ nodes }))).toEqual([
      {
        code: "SETTINGS",
        path: "settings/test: nodes[].address",
        message: "nodes[].address is not inside the node network",
        expected: "inside 192.168.0.0/24",
        found: "192.168.1.12",
      },
    ]);
  });

  it("reports every problem at once, in one ValidationError", () => {
    // GIVEN settings with four independent problems
    const settings = withNetwork(
      { loadBalancerCidr: "10.0.0.0/27" },
      { name: "default", id: 0, nodes: [{ name: "node-1", address: "10.0.0.1" }] },
    );
    // WHEN they are defined
    const act = () => defineSettings(settings);
    // THEN all four are reported, identity first, and the message counts them
    expect(findingsOf(settings)).toEqual([
      nameFinding("default"),
      { ...idFinding(0), path: "settings/default: id" },
      {
        code: "SETTINGS",
        path: "settings/default: network.loadBalancerCidr",
        message: "network.loadBalancerCidr is not inside the node network",
        expected: "inside 192.168.0.0/24",
        found: "10.0.0.0/27",
      },
      {
        code: "SETTINGS",
        path: "settings/default: nodes[].address",
        message: "nodes[].address is not inside the node network",
        expected: "inside 192.168.0.0/24",
        found: "10.0.0.1",
      },
    ]);
    expect(act).toThrow(
      /^Validation failed with 4 problems:\nSETTINGS settings\/default: name: cluster name/,
    );
  });

  it("is applied by defineCluster", () => {
    // GIVEN a cluster whose settings have an id out of range
    // WHEN / THEN defineCluster throws the same findings
    expect(() => defineCluster({ settings: testSettings({ id: 256 }), components: [] })).toThrow(
      "Validation failed with 1 problem:\nSETTINGS settings/test: id: cluster id is out of range\n" +
        "  expected: an integer in 1..255\n  found:    256",
    );
  });
});

describe("settingsVariables", () => {
  it("exposes the public settings as the cluster-settings variables", () => {
    // GIVEN the test settings / WHEN turned into variables / THEN every public setting is there as a string
    expect(settingsVariables(testSettings())).toEqual({
      CLUSTER_ID: "9",
      CLUSTER_NAME: "test",
      CLUSTER_LB_CIDR: "192.168.0.128/27",
      CLUSTER_NODE_CIDR: "192.168.0.0/24",
      CLUSTER_POD_CIDR: "10.100.0.0/16",
      CLUSTER_SERVICE_CIDR: "10.101.0.0/16",
      KUBERNETES_VERSION: "v1.35.0",
      TALOS_VERSION: "v1.13.9",
    });
  });
});

describe("BGP settings", () => {
  const bgp = { localAsn: 65001, peerAsn: 65000, peerAddress: "192.168.0.1" };

  it("accepts eBGP with a router on the node network", () => {
    // GIVEN / WHEN / THEN
    expect(defineSettings(testSettings({ bgp })).bgp).toEqual(bgp);
  });

  it("rejects an AS out of range, the router's own AS, and a router off the node network", () => {
    // GIVEN
    const settings = testSettings({ bgp: { localAsn: 0, peerAsn: 0, peerAddress: "10.0.0.1" } });
    // WHEN / THEN
    expect(findingsOf(settings)).toEqual([
      {
        code: "SETTINGS",
        path: "settings/test: bgp.localAsn",
        message: "not a BGP AS number",
        expected: "an integer in 1..4294967295",
        found: "0",
      },
      {
        code: "SETTINGS",
        path: "settings/test: bgp.peerAsn",
        message: "not a BGP AS number",
        expected: "an integer in 1..4294967295",
        found: "0",
      },
      {
        code: "SETTINGS",
        path: "settings/test: bgp.localAsn",
        message: "the cluster peers over eBGP, so its AS must differ from the router's",
        expected: "an AS other than 0",
        found: "0",
      },
      {
        code: "SETTINGS",
        path: "settings/test: bgp.peerAddress",
        message: "the BGP peer is not on the node network",
        expected: "an address inside 192.168.0.0/24",
        found: "10.0.0.1",
      },
    ]);
  });
});
