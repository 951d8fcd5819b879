import type { ClusterName } from "./settings.js";

/**
 * Where infra's observability hub takes the other clusters' metrics and logs: VMAuth and VictoriaLogs behind
 * LoadBalancer addresses of infra's LB range, on their ports (the same in the pods, on the Services and on the
 * LoadBalancers). infra builds its hub on these; the network allows between the clusters follow them.
 */
export const INFRA_HUB = {
  cluster: "infra",
  /** The observability namespace of every cluster: the hub on infra, the agents everywhere. */
  namespace: "observability",
  metrics: { address: "10.25.11.72", port: 8427 },
  logs: { address: "10.25.11.73", port: 9428 },
} as const satisfies {
  readonly cluster: ClusterName;
  readonly namespace: string;
  readonly metrics: { readonly address: string; readonly port: number };
  readonly logs: { readonly address: string; readonly port: number };
};
