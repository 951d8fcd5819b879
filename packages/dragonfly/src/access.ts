import { operatorAccess } from "@k8s-ops/core";
import type { NetworkPolicy } from "kubernetes-models/networking.k8s.io/v1/NetworkPolicy";

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
export function dragonflyOperatorAccess(name: string, operatorNamespace: string): NetworkPolicy {
  return operatorAccess({
    name: `${name}-dragonfly-operator`,
    operatorNamespace,
    podLabels: instanceLabels(name),
    ports: [DRAGONFLY_ADMIN_PORT, DRAGONFLY_PORT],
  });
}
