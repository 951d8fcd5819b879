import { CiliumClusterwideNetworkPolicy } from "@kubernetes-models/cilium/cilium.io/v2/CiliumClusterwideNetworkPolicy";
import type { ResolvedNetworkPoliciesOptions } from "./options.js";
import { ALL, ALLOW_ONLY, envoyProxies, inNamespace } from "./selectors.js";

type Spec = NonNullable<ConstructorParameters<typeof CiliumClusterwideNetworkPolicy>[0]>["spec"];

function policy(name: string, spec: Spec): CiliumClusterwideNetworkPolicy {
  return new CiliumClusterwideNetworkPolicy({ metadata: { name: `baseline-${name}` }, spec });
}

/** What the cluster itself sends to every pod: kubelet probes, other nodes, Cilium health, API server webhooks. */
function nodeTraffic(): CiliumClusterwideNetworkPolicy {
  return policy("node-traffic", {
    description:
      "Probes from the node, traffic from other nodes, Cilium health checks, API server webhook calls.",
    enableDefaultDeny: ALLOW_ONLY,
    endpointSelector: ALL,
    ingress: [{ fromEntities: ["host", "remote-node", "health", "kube-apiserver"] }],
  });
}

/** The Envoy proxies: reached from anywhere (that is what a gateway is for), forwarding to any backend. */
function gatewayProxies(o: ResolvedNetworkPoliciesOptions): CiliumClusterwideNetworkPolicy {
  return policy("gateway-proxies", {
    description:
      "Clients reach the gateways from outside and inside the cluster; the gateways reach any backend.",
    egress: [{ toEntities: ["cluster"] }],
    enableDefaultDeny: ALLOW_ONLY,
    endpointSelector: envoyProxies(o.gatewayNamespace),
    ingress: [{ fromEntities: ["world", "cluster"] }],
  });
}

/** The scrapers: out to every endpoint and node of the cluster (each namespace lets them in). */
function monitoring(o: ResolvedNetworkPoliciesOptions): CiliumClusterwideNetworkPolicy {
  return policy("monitoring", {
    description: "Scrape metrics anywhere in the cluster, nodes included.",
    egress: [{ toEntities: ["cluster"] }],
    enableDefaultDeny: ALLOW_ONLY,
    endpointSelector: inNamespace(o.monitoringNamespace),
  });
}

export function clusterwidePolicies(o: ResolvedNetworkPoliciesOptions): CiliumClusterwideNetworkPolicy[] {
  return [nodeTraffic(), gatewayProxies(o), monitoring(o)];
}
