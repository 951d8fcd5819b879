import { describe, expect, it } from "vitest";
import { operatorAccess } from "./operator-access.js";

describe("operatorAccess", () => {
  it("lets the operator's namespace reach the selected pods on its ports only", () => {
    // GIVEN an operator in db-system talking to a cluster's pods on two ports
    const policy = operatorAccess({
      name: "db-operator",
      operatorNamespace: "db-system",
      podLabels: { app: "db" },
      ports: [9999, 6379],
    });
    // WHEN / THEN the policy admits exactly that, in the ports' order
    expect(policy.toJSON()).toEqual({
      apiVersion: "networking.k8s.io/v1",
      kind: "NetworkPolicy",
      metadata: { name: "db-operator" },
      spec: {
        ingress: [
          {
            from: [{ namespaceSelector: { matchLabels: { "kubernetes.io/metadata.name": "db-system" } } }],
            ports: [
              { port: 9999, protocol: "TCP" },
              { port: 6379, protocol: "TCP" },
            ],
          },
        ],
        podSelector: { matchLabels: { app: "db" } },
        policyTypes: ["Ingress"],
      },
    });
  });
});
