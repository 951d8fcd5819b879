import { CiliumNetworkPolicy } from "@kubernetes-models/cilium/cilium.io/v2/CiliumNetworkPolicy";
import type { EgressEntity, ResolvedNetworkPoliciesOptions } from "./options.js";
import { ENTITIES, egressRules, ingressRules } from "./rules.js";
import { ALL, ALLOW_ONLY, envoyProxies, inNamespace, KUBE_DNS, namespaces } from "./selectors.js";

type Spec = NonNullable<ConstructorParameters<typeof CiliumNetworkPolicy>[0]>["spec"];

function policy(name: string, spec: Spec): CiliumNetworkPolicy {
  return new CiliumNetworkPolicy({ metadata: { name: `baseline-${name}` }, spec });
}

/** Deny all ingress and egress of every endpoint of the namespace, unless the namespace is exempt. */
function defaultDeny(o: ResolvedNetworkPoliciesOptions): CiliumNetworkPolicy {
  return policy("default-deny", {
    description: "Deny everything the other policies do not allow.",
    egress: [{}],
    endpointSelector: o.exempt.length > 0 ? namespaces("NotIn", o.exempt) : ALL,
    ingress: [{}],
  });
}

function allowDns(): CiliumNetworkPolicy {
  return policy("allow-dns", {
    description: "Resolve names through CoreDNS; Cilium's DNS proxy sees every query.",
    egress: [
      {
        toEndpoints: [{ matchLabels: KUBE_DNS }],
        toPorts: [
          {
            ports: [
              { port: "53", protocol: "UDP" },
              { port: "53", protocol: "TCP" },
            ],
            rules: { dns: [{ matchPattern: "*" }] },
          },
        ],
      },
    ],
    enableDefaultDeny: ALLOW_ONLY,
    endpointSelector: ALL,
  });
}

function allowKubeApiserver(): CiliumNetworkPolicy {
  return policy("allow-kube-apiserver", {
    description: "Reach the Kubernetes API server.",
    egress: [{ toEntities: ["kube-apiserver"] }],
    enableDefaultDeny: ALLOW_ONLY,
    endpointSelector: ALL,
  });
}

function allowSameNamespace(): CiliumNetworkPolicy {
  return policy("allow-same-namespace", {
    description: "Talk freely inside the namespace.",
    egress: [{ toEndpoints: [ALL] }],
    enableDefaultDeny: ALLOW_ONLY,
    endpointSelector: ALL,
    ingress: [{ fromEndpoints: [ALL] }],
  });
}

function allowGateways(o: ResolvedNetworkPoliciesOptions): CiliumNetworkPolicy {
  return policy("allow-gateways", {
    description: "Take traffic from the gateways' Envoy proxies, and reach the gateways.",
    egress: [{ toEndpoints: [envoyProxies(o.gatewayNamespace)] }],
    enableDefaultDeny: ALLOW_ONLY,
    endpointSelector: ALL,
    ingress: [{ fromEndpoints: [envoyProxies(o.gatewayNamespace)] }],
  });
}

function allowMonitoring(o: ResolvedNetworkPoliciesOptions): CiliumNetworkPolicy {
  return policy("allow-monitoring", {
    description: "Let the metrics scrapers in.",
    enableDefaultDeny: ALLOW_ONLY,
    endpointSelector: ALL,
    ingress: [{ fromEndpoints: [inNamespace(o.monitoringNamespace)] }],
  });
}

/** One policy per whole entity some namespace gets; it selects the endpoints of exactly those namespaces. */
function extraEgress(o: ResolvedNetworkPoliciesOptions): CiliumNetworkPolicy[] {
  return (Object.keys(ENTITIES) as EgressEntity[]).flatMap((target) => {
    const granted = Object.keys(o.egress).filter((ns) => o.egress[ns]?.includes(target));
    if (granted.length === 0) return [];
    return [
      policy(`allow-egress-${target}`, {
        description: `Extra egress to ${target} for the namespaces given it.`,
        egress: [{ toEntities: [...ENTITIES[target]] }],
        enableDefaultDeny: ALLOW_ONLY,
        endpointSelector: namespaces("In", granted),
      }),
    ];
  });
}

/** The policies every namespace gets: default deny (unless exempt), the baseline allows and the extra ones. */
export function baselinePolicies(o: ResolvedNetworkPoliciesOptions): CiliumNetworkPolicy[] {
  return [
    defaultDeny(o),
    allowDns(),
    allowKubeApiserver(),
    allowSameNamespace(),
    allowGateways(o),
    allowMonitoring(o),
    ...extraEgress(o),
    ...egressRules(o),
    ...ingressRules(o),
  ];
}
