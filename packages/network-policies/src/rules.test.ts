import { optionMessage } from "@k8s-ops/testing";
import { describe, expect, it } from "vitest";
import { type NetworkPoliciesOptions, networkPolicies } from "./index.js";
import { baseline, policiesYaml } from "./test-support.js";

const message = optionMessage("network-policies");
const CEPH = [3300, 6789, { port: 6800, endPort: 7300 }];
const OBSERVABILITY = { matchLabels: { "k8s:io.kubernetes.pod.namespace": "observability" } };

describe("networkPolicies egress rules", () => {
  it("egress: some ports of an entity, TCP unless given, ranges with their end", () => {
    // GIVEN the Ceph ports of the nodes and DNS over UDP to the world for one namespace
    const options: NetworkPoliciesOptions = {
      egress: {
        "rook-ceph": [
          { entity: "nodes", ports: CEPH },
          { entity: "world", ports: [{ port: 53, protocol: "UDP" }] },
        ],
      },
    };
    // WHEN built
    const policies = baseline(networkPolicies(options));
    // THEN one policy selects the namespace, with a rule per target in the order given
    expect(policies.get("baseline-allow-rook-ceph-egress")?.spec).toEqual({
      description: "Extra egress of rook-ceph to the ports and addresses given it.",
      egress: [
        {
          toEntities: ["host", "remote-node"],
          toPorts: [
            {
              ports: [
                { port: "3300", protocol: "TCP" },
                { port: "6789", protocol: "TCP" },
                { port: "6800", endPort: 7300, protocol: "TCP" },
              ],
            },
          ],
        },
        { toEntities: ["world"], toPorts: [{ ports: [{ port: "53", protocol: "UDP" }] }] },
      ],
      enableDefaultDeny: { egress: false, ingress: false },
      endpointSelector: { matchLabels: { "k8s:io.kubernetes.pod.namespace": "rook-ceph" } },
    });
    // AND no whole-entity policy opens the nodes or the world to it
    expect([...policies.keys()].filter((name) => name.startsWith("baseline-allow-egress-"))).toEqual([]);
  });

  it("egress: CIDRs on their ports, or on every port when none are given", () => {
    // GIVEN the hub's address on its port, and a network on every port
    const policies = baseline(
      networkPolicies({
        egress: {
          observability: [{ cidrs: ["10.25.11.72/32"], ports: [8427] }, { cidrs: ["192.0.2.0/24"] }],
        },
      }),
    );
    // WHEN built THEN the rules name the CIDRs, the second without ports
    expect(policies.get("baseline-allow-observability-egress")?.spec).toMatchObject({
      egress: [
        {
          toCIDRSet: [{ cidr: "10.25.11.72/32" }],
          toPorts: [{ ports: [{ port: "8427", protocol: "TCP" }] }],
        },
        { toCIDRSet: [{ cidr: "192.0.2.0/24" }] },
      ],
      endpointSelector: OBSERVABILITY,
    });
    const open = policies.get("baseline-allow-observability-egress")?.spec as { egress: object[] };
    expect(open.egress[1]).not.toHaveProperty("toPorts");
  });

  it("egress: whole entities and rules of one namespace go to their own policies", () => {
    // GIVEN the world and one address for the same namespace WHEN built
    const policies = baseline(
      networkPolicies({ egress: { observability: ["world", { cidrs: ["10.25.11.72/32"], ports: [8427] }] } }),
    );
    // THEN the world policy selects it, and its rules policy holds only the rule
    expect(policies.get("baseline-allow-egress-world")?.spec).toMatchObject({
      endpointSelector: { matchExpressions: [{ operator: "In", values: ["observability"] }] },
    });
    expect(policies.get("baseline-allow-observability-egress")?.spec).toMatchObject({
      egress: [{ toCIDRSet: [{ cidr: "10.25.11.72/32" }] }],
    });
  });
});

describe("networkPolicies ingress", () => {
  it("ingress: from CIDRs outside the cluster, on the given ports only", () => {
    // GIVEN another cluster's nodes writing to two ports of the observability namespace
    const nodes = ["10.25.11.14/32", "10.25.11.15/32", "10.25.11.16/32"];
    const policies = baseline(
      networkPolicies({ ingress: { observability: [{ cidrs: nodes, ports: [8427, 9428] }] } }),
    );
    // WHEN built THEN one policy lets exactly those sources in to exactly those ports
    expect(policies.get("baseline-allow-observability-ingress")?.spec).toEqual({
      description: "Extra ingress to observability from the addresses given it, on their ports.",
      enableDefaultDeny: { egress: false, ingress: false },
      endpointSelector: OBSERVABILITY,
      ingress: [
        {
          fromCIDRSet: nodes.map((cidr) => ({ cidr })),
          toPorts: [
            {
              ports: [
                { port: "8427", protocol: "TCP" },
                { port: "9428", protocol: "TCP" },
              ],
            },
          ],
        },
      ],
    });
  });

  it("ingress: none by default, nor for a namespace given no sources", () => {
    // GIVEN no ingress, and an empty list WHEN built THEN there is no ingress policy
    const names = (options: NetworkPoliciesOptions) => [...baseline(networkPolicies(options)).keys()];
    expect(names({}).filter((name) => name.endsWith("-ingress"))).toEqual([]);
    expect(names({ ingress: { observability: [] } }).filter((name) => name.endsWith("-ingress"))).toEqual([]);
  });

  it("renders the same bytes whatever order the namespaces are given in", () => {
    // GIVEN the same rules for two namespaces, in both orders WHEN rendered THEN the YAML is identical
    const hub = { cidrs: ["10.25.11.72/32"], ports: [8427] };
    const a = networkPolicies({ egress: { odoo: [hub], n8n: [hub] }, ingress: { odoo: [hub], n8n: [hub] } });
    const b = networkPolicies({ egress: { n8n: [hub], odoo: [hub] }, ingress: { n8n: [hub], odoo: [hub] } });
    expect(policiesYaml(a)).toBe(policiesYaml(b));
  });
});

describe("networkPolicies rule errors", () => {
  it("rejects a CIDR that does not parse, and an address without its prefix length", () => {
    // GIVEN a malformed network and a bare address WHEN built THEN each throws naming the entry
    const expected = "an IPv4 or IPv6 network with its prefix length, such as 10.25.11.72/32";
    expect(() => networkPolicies({ egress: { observability: [{ cidrs: ["10.25.11.0/33"] }] } })).toThrow(
      message("egress.observability[0].cidrs[0]", "not a CIDR", expected, '"10.25.11.0/33"'),
    );
    expect(() =>
      networkPolicies({ ingress: { observability: [{ cidrs: ["10.25.11.14/32", "10.25.11.15"] }] } }),
    ).toThrow(message("ingress.observability[0].cidrs[1]", "not a CIDR", expected, '"10.25.11.15"'));
  });

  it("rejects empty lists of CIDRs and of an entity's ports", () => {
    // GIVEN a rule without addresses and an entity without ports WHEN built THEN both throw
    expect(() => networkPolicies({ ingress: { observability: [{ cidrs: [] }] } })).toThrow(
      message("ingress.observability[0].cidrs", "no addresses", "one CIDR or more", "[]"),
    );
    expect(() =>
      networkPolicies({ egress: { "rook-ceph": ["world", { entity: "nodes", ports: [] }] } }),
    ).toThrow(message("egress.rook-ceph[1].ports", "no ports", "one port or more", "[]"));
  });

  it("rejects ports out of range and ranges that do not run upwards", () => {
    // GIVEN port 0, and a range ending below its start WHEN built THEN each throws naming the entry
    expect(() =>
      networkPolicies({ egress: { "rook-ceph": [{ entity: "nodes", ports: [3300, 0] }] } }),
    ).toThrow(message("egress.rook-ceph[0].ports[1]", "not a port", "an integer in 1..65535", "0"));
    const backwards = { entity: "nodes", ports: [{ port: 7300, endPort: 6800 }] } as const;
    expect(() => networkPolicies({ egress: { "rook-ceph": [backwards] } })).toThrow(
      message(
        "egress.rook-ceph[0].ports[0].endPort",
        "not the end of a port range",
        "an integer in 7301..65535",
        "6800",
      ),
    );
  });

  it("rejects ingress for an exempt namespace, and a namespace that is not a DNS label", () => {
    // GIVEN ingress to kube-system, which is exempt, and to an invalid name WHEN built THEN both throw
    const source = { cidrs: ["10.25.11.14/32"] };
    expect(() => networkPolicies({ ingress: { "kube-system": [source] } })).toThrow(
      message(
        "ingress.kube-system",
        "the namespace is exempt from default deny, so extra ingress would change nothing",
        "ingress only for namespaces under default deny",
        "kube-system",
      ),
    );
    expect(() => networkPolicies({ ingress: { Observability: [source] } })).toThrow(
      message(
        "ingress.Observability",
        "not a namespace name",
        "a DNS label such as cert-manager",
        '"Observability"',
      ),
    );
  });

  it("rejects rule types at compile time", () => {
    // GIVEN wrongly typed rules THEN the compiler refuses them
    // @ts-expect-error an entity's rule names its ports (without ports, give the entity itself)
    expect(() => networkPolicies({ egress: { "rook-ceph": [{ entity: "nodes" }] } })).toThrow();
    const entityIngress = { entity: "world", ports: [443] } as const;
    // @ts-expect-error ingress comes from CIDRs, not entities
    const build = () => networkPolicies({ ingress: { observability: [entityIngress] } });
    expect(build).toThrow("OPTION network-policies: ingress.observability[0].cidrs: no addresses");
    const quic = { port: 7844, protocol: "QUIC" } as const;
    // @ts-expect-error ports are TCP or UDP
    networkPolicies({ egress: { network: [{ entity: "world", ports: [quic] }] } });
  });
});
