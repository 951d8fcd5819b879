import { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";

/** The port of the Redis protocol on the Dragonfly Service. */
export const DRAGONFLY_PORT = 6379;

/** The admin port the operator runs each instance with (`--admin_port`), which it talks to for replication. */
export const DRAGONFLY_ADMIN_PORT = 9999;

/** The labels the operator puts on the pods of a Dragonfly. */
export function instanceLabels(name: string): Record<string, string> {
  return { app: name, "app.kubernetes.io/name": "dragonfly" };
}

/**
 * The operator connects to every instance, on the admin port and the Redis port, to check it and to choose its
 * master; the namespace's default deny would keep it out.
 */
export function operatorAccess(name: string, operatorNamespace: string): NetworkPolicy {
  return new NetworkPolicy({
    metadata: { name: `${name}-dragonfly-operator` },
    spec: {
      ingress: [
        {
          from: [
            { namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": operatorNamespace } } },
          ],
          ports: [
            { port: DRAGONFLY_ADMIN_PORT, protocol: "TCP" },
            { port: DRAGONFLY_PORT, protocol: "TCP" },
          ],
        },
      ],
      podSelector: { matchLabels: instanceLabels(name) },
      policyTypes: ["Ingress"],
    },
  });
}
