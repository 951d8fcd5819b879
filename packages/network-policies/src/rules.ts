import { CiliumNetworkPolicy } from "@kubernetes-models/cilium/cilium.io/v2/CiliumNetworkPolicy";
import type {
  CidrPorts,
  EgressEntity,
  EgressTarget,
  EntityPorts,
  Port,
  ResolvedNetworkPoliciesOptions,
} from "./options.js";
import { ALLOW_ONLY, inNamespace } from "./selectors.js";

/** The Cilium entities each egress entity stands for. */
export const ENTITIES = {
  world: ["world"],
  nodes: ["host", "remote-node"],
  cluster: ["cluster"],
} as const satisfies Record<EgressEntity, readonly string[]>;

/** A target narrower than a whole entity: some ports of an entity, or CIDRs. */
export type EgressRule = EntityPorts | CidrPorts;

export function isRule(target: EgressTarget): target is EgressRule {
  return typeof target !== "string";
}

/** Cilium's `toPorts`: one port rule listing every port, TCP unless given. */
function toPorts(ports: readonly Port[] | undefined) {
  if (ports === undefined) return {};
  const list = ports.map((p) => (typeof p === "number" ? { port: p } : p));
  return {
    toPorts: [
      {
        ports: list.map(({ port, endPort, protocol }) => ({
          port: String(port),
          ...(endPort === undefined ? {} : { endPort }),
          protocol: protocol ?? "TCP",
        })),
      },
    ],
  };
}

function cidrSet(cidrs: readonly string[]) {
  return cidrs.map((cidr) => ({ cidr }));
}

function egressRule(rule: EgressRule) {
  const peer =
    "entity" in rule ? { toEntities: [...ENTITIES[rule.entity]] } : { toCIDRSet: cidrSet(rule.cidrs) };
  return { ...peer, ...toPorts(rule.ports) };
}

type Spec = NonNullable<ConstructorParameters<typeof CiliumNetworkPolicy>[0]>["spec"];

function rulePolicy(namespace: string, direction: "egress" | "ingress", spec: Spec): CiliumNetworkPolicy {
  return new CiliumNetworkPolicy({ metadata: { name: `baseline-allow-${namespace}-${direction}` }, spec });
}

/** Every endpoint of the namespace, without putting it into default deny. */
function selecting(namespace: string) {
  return { enableDefaultDeny: ALLOW_ONLY, endpointSelector: inNamespace(namespace) };
}

/** One policy per namespace given egress rules, with its rules in the order given. */
export function egressRules(o: ResolvedNetworkPoliciesOptions): CiliumNetworkPolicy[] {
  return Object.keys(o.egress)
    .sort()
    .flatMap((namespace) => {
      const rules = (o.egress[namespace] ?? []).filter(isRule);
      if (rules.length === 0) return [];
      return [
        rulePolicy(namespace, "egress", {
          description: `Extra egress of ${namespace} to the ports and addresses given it.`,
          egress: rules.map(egressRule),
          ...selecting(namespace),
        }),
      ];
    });
}

/** One policy per namespace given ingress sources, with its sources in the order given. */
export function ingressRules(o: ResolvedNetworkPoliciesOptions): CiliumNetworkPolicy[] {
  return Object.keys(o.ingress)
    .sort()
    .flatMap((namespace) => {
      const sources = o.ingress[namespace] ?? [];
      if (sources.length === 0) return [];
      return [
        rulePolicy(namespace, "ingress", {
          description: `Extra ingress to ${namespace} from the addresses given it, on their ports.`,
          ingress: sources.map((source) => ({
            fromCIDRSet: cidrSet(source.cidrs),
            ...toPorts(source.ports),
          })),
          ...selecting(namespace),
        }),
      ];
    });
}
