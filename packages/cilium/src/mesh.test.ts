import { type ClusterSettings, testSettings } from "@k8s-ops/core";
import { describe, expect, it } from "vitest";
import { cilium, meshPeer } from "./index.js";
import { agentRelease, agentValues, MESH, PEER, SECRETS } from "./test-support.js";

describe("cilium clusterMesh option", () => {
  it("clusterMesh: exposes the apiserver on its LB IP and lists every peer", () => {
    // GIVEN a mesh with one peer WHEN built
    const network = cilium({
      settings: testSettings(),
      nativeRoutingCidr: "10.100.0.0/14",
      clusterMesh: MESH,
    });
    // THEN the apiserver has its fixed LB IP and the peer is listed on the default port
    expect(agentValues(network).clustermesh).toEqual({
      apiserver: {
        service: { annotations: { "lbipam.cilium.io/ips": "192.168.0.129" }, type: "LoadBalancer" },
      },
      config: { clusters: [{ ips: ["192.168.0.200"], name: "other", port: 2379 }], enabled: true },
      useAPIServer: true,
    });
    // AND the shared CA comes from the Secret into tls.ca, optional so the first install needs no store
    expect(agentRelease(network).valuesFrom).toEqual([
      {
        kind: "Secret",
        name: "cilium-ca-values",
        optional: true,
        targetPath: "tls.ca.cert",
        valuesKey: "ca.crt",
      },
      {
        kind: "Secret",
        name: "cilium-ca-values",
        optional: true,
        targetPath: "tls.ca.key",
        valuesKey: "ca.key",
      },
    ]);
    // AND a stage of its own writes that Secret from the store, base64-encoded, labelled for Flux to watch
    const stage = network.apps.find((app) => app.name === "cilium-clustermesh");
    expect(stage?.layer).toBe("config");
    expect(stage?.uses).toEqual([SECRETS.secretStore]);
    expect(stage?.objects.map((object) => object.toJSON())).toEqual([
      {
        apiVersion: "external-secrets.io/v1",
        kind: "ExternalSecret",
        metadata: { name: "cilium-ca" },
        spec: {
          dataFrom: [{ extract: { key: "cilium-ca" } }],
          secretStoreRef: { kind: "ClusterSecretStore", name: "onepassword-connect" },
          target: {
            name: "cilium-ca-values",
            template: {
              data: {
                "ca.crt": '{{ index . "ca.crt" | b64enc }}',
                "ca.key": '{{ index . "ca.key" | b64enc }}',
              },
              engineVersion: "v2",
              metadata: { labels: { "reconcile.fluxcd.io/watch": "Enabled" } },
            },
          },
        },
      },
    ]);
    // AND the component says how peers reach this cluster
    expect(network.meshPeer).toEqual({
      name: "test",
      id: 9,
      address: "192.168.0.129",
      podCidr: "10.100.0.0/16",
    });
  });

  it("clusterMesh: a peer's own port is kept; without a mesh nothing mesh-related renders", () => {
    const network = cilium({
      settings: testSettings(),
      nativeRoutingCidr: "10.100.0.0/14",
      clusterMesh: { ...MESH, peers: [{ ...PEER, port: 32379 }] },
    });
    expect(JSON.stringify(agentValues(network).clustermesh)).toContain('"port":32379');
    const plain = cilium({ settings: testSettings() });
    expect(agentValues(plain).clustermesh).toBeUndefined();
    expect(agentRelease(plain).valuesFrom).toBeUndefined();
    expect(plain.meshPeer).toBeUndefined();
  });

  it("meshPeer(): describes a cluster for its peers from its settings", () => {
    const settings: ClusterSettings = testSettings({ name: "apps", id: 2 });
    expect(meshPeer(settings, "192.168.0.130")).toEqual({
      name: "apps",
      id: 2,
      address: "192.168.0.130",
      podCidr: "10.100.0.0/16",
    });
    expect(meshPeer(settings, "192.168.0.130", 32379).port).toBe(32379);
  });
});
