import { defineApp } from "@k8s-ops/core";
import { describe, expect, it } from "vitest";
import { inputOf, lines, raw, viewOf } from "../test-support.js";
import { perClusterIdentifiers } from "./identifiers.js";

const store = (vault: string) =>
  raw({
    apiVersion: "external-secrets.io/v1",
    kind: "ClusterSecretStore",
    metadata: { name: "onepassword" },
    spec: { provider: { onepassword: { connectHost: "http://connect", vaults: { [vault]: 1 } } } },
  });
const agent = (tenant: string) =>
  raw({
    apiVersion: "operator.victoriametrics.com/v1beta1",
    kind: "VMAgent",
    metadata: { name: "vmagent" },
    spec: { remoteWrite: [{ url: `http://vminsert:8480/insert/${tenant}/prometheus/api/v1/write` }] },
  });

function cluster(name: string, vault: string, tenant: string) {
  const app = defineApp({
    name: "ids",
    namespace: "default",
    layer: "apps",
    objects: [store(vault), agent(tenant)],
  });
  return viewOf(
    inputOf([{ name: "ids", apps: [app] }], {
      name,
      served: ["external-secrets.io/*", "operator.victoriametrics.com/*"],
    }),
  );
}

describe("perClusterIdentifiers", () => {
  it("reports a 1Password vault and a metrics tenant both clusters use", () => {
    expect(lines(perClusterIdentifiers([cluster("infra", "k8s", "0"), cluster("apps", "k8s", "0")]))).toEqual(
      [
        'IDENTIFIER_SHARED cross-cluster › infra, apps: metrics tenant: clusters share the metrics tenant "0"',
        'IDENTIFIER_SHARED cross-cluster › infra, apps: 1Password vault: clusters share the 1Password vault "k8s"',
      ],
    );
    expect(
      perClusterIdentifiers([cluster("infra", "k8s-infra", "1"), cluster("apps", "k8s-apps", "2")]),
    ).toEqual([]);
  });
});
