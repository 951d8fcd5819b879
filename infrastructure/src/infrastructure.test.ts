import { reference } from "@k8s-ops/core";
import { describe, expect, it } from "vitest";
import { APPS, coveringCidr, INFRA, MESH_NATIVE_ROUTING_CIDR, meshOf } from "./index.js";

const STORE = reference(
  "SecretStore",
  { name: "onepassword-connect-store", namespace: "external-secrets" },
  "onepassword-connect",
);

describe("the platform's clusters", () => {
  it("have the identities, networks and peering of the platform brief", () => {
    // GIVEN / WHEN the settings / THEN
    expect([INFRA.name, INFRA.id, APPS.name, APPS.id]).toEqual(["infra", 1, "apps", 2]);
    expect(INFRA.network).toEqual({
      nodeCidr: "10.25.11.0/24",
      podCidr: "10.244.0.0/16",
      serviceCidr: "10.245.0.0/16",
      loadBalancerCidr: "10.25.11.64/27",
    });
    expect(APPS.network).toEqual({
      nodeCidr: "10.25.11.0/24",
      podCidr: "10.246.0.0/16",
      serviceCidr: "10.247.0.0/16",
      loadBalancerCidr: "10.25.11.96/27",
    });
    expect([INFRA.bgp?.localAsn, APPS.bgp?.localAsn, INFRA.bgp?.peerAsn, INFRA.bgp?.peerAddress]).toEqual([
      65001,
      65002,
      65000,
      "10.25.11.1",
    ]);
    expect(INFRA.nodes.map((node) => node.address)).toEqual(["10.25.11.11", "10.25.11.12", "10.25.11.13"]);
    expect(APPS.nodes.map((node) => node.address)).toEqual(["10.25.11.14", "10.25.11.15", "10.25.11.16"]);
  });

  it("route both clusters' pod ranges natively, through one covering range", () => {
    expect(MESH_NATIVE_ROUTING_CIDR).toBe("10.244.0.0/14");
    expect(coveringCidr(["10.0.0.0/24"])).toBe("10.0.0.0/24");
    expect(coveringCidr(["10.0.0.0/24", "10.0.1.0/24"])).toBe("10.0.0.0/23");
  });

  it("mesh each cluster with the other, as the other's settings say", () => {
    // GIVEN the secret store WHEN each side's mesh is built THEN each lists the other, with its own pod CIDR
    expect(meshOf("infra", STORE)).toEqual({
      apiServerIp: "10.25.11.65",
      ca: { store: STORE, item: "cilium-clustermesh-ca" },
      peers: [{ name: "apps", id: 2, address: "10.25.11.97", podCidr: "10.246.0.0/16" }],
    });
    expect(meshOf("apps", STORE).peers).toEqual([
      { name: "infra", id: 1, address: "10.25.11.65", podCidr: "10.244.0.0/16" },
    ]);
  });
});
