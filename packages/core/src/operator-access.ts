import { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";

export interface OperatorAccessOptions {
  /** Name of the NetworkPolicy. */
  readonly name: string;
  /** The operator's namespace, whose pods may connect. */
  readonly operatorNamespace: string;
  /** Labels of the pods the operator connects to. */
  readonly podLabels: Readonly<Record<string, string>>;
  /** TCP ports it connects to, in this order. */
  readonly ports: readonly number[];
}

/**
 * Lets an operator reach the pods it manages through their namespace's default deny: ingress from the operator's
 * namespace to the selected pods, on the given TCP ports only.
 */
export function operatorAccess(o: OperatorAccessOptions): NetworkPolicy {
  return new NetworkPolicy({
    metadata: { name: o.name },
    spec: {
      ingress: [
        {
          from: [
            { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": o.operatorNamespace } } },
          ],
          ports: o.ports.map((port) => ({ port, protocol: "TCP" })),
        },
      ],
      podSelector: { matchLabels: { ...o.podLabels } },
      policyTypes: ["Ingress"],
    },
  });
}
